import { formLabels } from "../participants/model";
import type { Practice } from "./types";

/**
 * What a practice is, for the row header of both lists: its title and form, who wrote it and where it was presented,
 * the page on the institution's site, and the description behind a disclosure (it runs to pages).
 */
export function PracticeSummary({ practice }: { practice: Practice }) {
  return (
    <>
      {practice.title}
      {practice.form && <div className="hint">{formLabels[practice.form]}</div>}
      {practice.authors && <div className="hint">Авторы: {practice.authors}</div>}
      {practice.sourceEvent && <div className="hint">Где представлена: {practice.sourceEvent}</div>}
      {practice.siteUrl && (
        <div className="hint">
          <a href={practice.siteUrl} rel="noreferrer">
            Страница на сайте организации<span className="visually-hidden"> — «{practice.title}»</span>
          </a>
        </div>
      )}
      <details>
        <summary className="hint">
          Описание<span className="visually-hidden"> практики «{practice.title}»</span>
        </summary>
        <p className="practice-text">{practice.description}</p>
      </details>
    </>
  );
}
