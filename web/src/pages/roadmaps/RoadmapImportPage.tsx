import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { fileToUpload } from "../../lib/files";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { FormError, SubmitButton, TextAreaField, TextField } from "../../components/Form";
import { formatDate } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useSubmit } from "../../lib/useSubmit";
import { DeadlineReadingView } from "./DeadlineReading";
import { type ImportPreview, roadmapNouns } from "./types";
import "./roadmaps.css";
import { TableWrap } from "../../components/TableWrap";

type Source = { text: string } | { fileName: string; contentBase64: string };

/** Paste a table from Word (or attach XLSX/CSV), check how every row and deadline was read, then save. */
export default function RoadmapImportPage() {
  const navigate = useNavigate();
  const fileId = useId();
  const [text, setText] = useState("");
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [period, setPeriod] = useState("");
  const [title, setTitle] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const check = useSubmit();
  const save = useSubmit();

  const source = (): Source => (file && !text.trim() ? file : { text });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setFile(chosen ? await fileToUpload(chosen) : null);
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    void check.run(async () => {
      setPreview(await unwrap(api.roadmaps.import.preview.$post({ json: { ...source(), period } })));
    });
  };

  const onSave = () =>
    save.run(async () => {
      const created = await unwrap(
        api.roadmaps.import.$post({ json: { ...source(), period, title: title || `Дорожная карта на ${period}` } }),
      );
      navigate(`/roadmaps/${created.roadmapId}`);
    });

  return (
    <>
      <p className="no-print">
        <Link to="/roadmaps">← Дорожные карты</Link>
      </p>
      <h1>Импорт дорожной карты</h1>
      <p>
        Скопируйте таблицу дорожной карты из Word (вместе со строками разделов) и вставьте её ниже, или приложите файл XLSX или CSV. Сначала
        проверьте, как прочитаны сроки: пока вы не нажмёте «Сохранить», ничего не сохраняется.
      </p>
      <form onSubmit={onPreview} noValidate>
        <FormError error={check.error} />
        <TextField
          label="Период дорожной карты"
          name="period"
          required
          hint="Год (2026), учебный год (2026/27) или диапазон (2020 – 2024 гг.)"
          value={period}
          onChange={(e) => {
            setPeriod(e.target.value);
            setPreview(null);
          }}
          error={check.field("period")}
        />
        <TextField label="Название" name="title" value={title} onChange={(e) => setTitle(e.target.value)} hint="Можно оставить пустым" />
        <TextAreaField
          label="Таблица из Word"
          name="text"
          className="import-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(null);
          }}
        />
        <div className="field">
          <label htmlFor={fileId}>или файл XLSX / CSV</label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={onFile}
          />
        </div>
        <SubmitButton busy={check.busy}>Проверить таблицу</SubmitButton>
      </form>

      {preview && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Как прочитана таблица</h2>
          <p className="summary">
            {countOf(preview.counts.sections, roadmapNouns.section)}, {countOf(preview.counts.items, roadmapNouns.item)}, период{" "}
            {formatDate(preview.period.start)} – {formatDate(preview.period.end)}
          </p>
          {preview.warnings.length > 0 && (
            <>
              <h3>{countOf(preview.warnings.length, roadmapNouns.warning)}</h3>
              <ul className="import-warnings">
                {preview.warnings.map((warning, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity of their own
                  <li key={i}>{warning.message}</li>
                ))}
              </ul>
            </>
          )}
          <TableWrap>
            <table className="roadmap-table">
              <caption className="visually-hidden">Мероприятия из файла</caption>
              <thead>
                <tr>
                  <th scope="col">№ п/п</th>
                  <th scope="col">Наименование мероприятий</th>
                  <th scope="col">Срок реализации</th>
                  <th scope="col">Как понят срок</th>
                  <th scope="col">Ответственный исполнитель</th>
                </tr>
              </thead>
              {preview.sections.map((section, s) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are not stored yet
                <tbody key={s}>
                  <tr className="section-row">
                    <th scope="colgroup" colSpan={5}>
                      {section.number ? `${section.number}. ` : ""}
                      {section.title}
                    </th>
                  </tr>
                  {section.items.map((item) => (
                    <tr key={item.row}>
                      <td>{item.number}</td>
                      <td className="item-name">{item.name}</td>
                      <td>{item.deadlineText}</td>
                      <td>
                        <DeadlineReadingView reading={item} />
                      </td>
                      <td>{item.executors}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </TableWrap>
          <FormError error={save.error} />
          <button type="button" className="button" aria-disabled={save.busy || undefined} onClick={onSave}>
            {save.busy ? "Сохраняем…" : "Сохранить дорожную карту"}
          </button>
        </section>
      )}
    </>
  );
}
