import { type ChangeEvent, useState } from "react";
import { downloadFromApi, fileToUpload } from "../../lib/files";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { FormError } from "../../components/Form";
import { Notice } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf, objectNouns, plural } from "../../lib/plural";
import { useSubmit } from "../../lib/useSubmit";
import { type ImportPreview, participantNouns } from "./model";
import { TableWrap } from "../../components/TableWrap";

const rowNouns = ["строка", "строки", "строк"] as const;

/** A birth date cell as people write it: an XLSX date cell arrives as ГГГГ-ММ-ДД and is shown as ДД.ММ.ГГГГ. */
export const birthDateText = (value: string) => {
  const iso = /^(\d{4}-\d{2}-\d{2})(T[\d:.]*Z?)?$/.exec(value.trim());
  return iso?.[1] ? formatDate(iso[1]) : value;
};

/** "Импортировано: 3 участника, пропущена 1 строка с ошибками". */
export const importResult = (created: number, skipped: number) =>
  `Импортировано: ${countOf(created, participantNouns)}${skipped ? `, ${plural(skipped, ["пропущена", "пропущены", "пропущено"])} ${countOf(skipped, rowNouns)} с ошибками` : ""}`;

/** Import of the bases from XLSX or CSV: the template, a preview with per-row errors and duplicates, then the import. */
export default function ImportPage() {
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const check = useSubmit();
  const commit = useSubmit();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setDone(null);
    if (!chosen) return;
    void check.run(async () => {
      const upload = await fileToUpload(chosen);
      setFile(upload);
      setPreview(await unwrap(api.participants.import.preview.$post({ json: upload })));
    });
  };
  const run = () =>
    void commit.run(async () => {
      if (!file) return;
      const result = await unwrap(api.participants.import.$post({ json: { ...file, skipInvalid } }));
      setDone(importResult(result.created, result.skipped));
      setPreview(null);
    });
  const template = (format: "xlsx" | "csv") =>
    downloadFromApi(`/api/participants/import/template?format=${format}`, `Шаблон реестра участников.${format}`);

  return (
    <>
      <p>
        <Link to="/participants">← Все участники</Link>
      </p>
      <h1>Импорт участников из файла</h1>
      <p>
        Заполните шаблон (дата рождения — ДД.ММ.ГГГГ или год; роль — «наставник», «наставляемый» или «наставник и наставляемый») и загрузите
        его. Сначала вы увидите проверку: ошибки по строкам и дубли (те же ФИО и дата рождения).
      </p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={() => void template("xlsx")}>
          Скачать шаблон XLSX
        </button>
        <button type="button" className="button secondary" onClick={() => void template("csv")}>
          Скачать шаблон CSV
        </button>
      </div>
      <div className="field">
        <label htmlFor="import-file">Файл XLSX или CSV</label>
        <input id="import-file" type="file" accept=".xlsx,.csv" onChange={choose} />
      </div>
      <FormError error={check.error ?? commit.error} />
      {done && <Notice>{done}</Notice>}
      {preview && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Проверка файла</h2>
          <p className="summary" role="status">
            {countOf(preview.total, rowNouns)}: без ошибок {preview.valid}, с ошибками {preview.invalid}, из них дублей {preview.duplicates}
          </p>
          <TableWrap>
            <table>
              <caption className="visually-hidden">Строки файла</caption>
              <thead>
                <tr>
                  <th scope="col">Строка</th>
                  <th scope="col">ФИО</th>
                  <th scope="col">Дата рождения</th>
                  <th scope="col">Категория</th>
                  <th scope="col">Роль</th>
                  <th scope="col">Ошибки</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.errors.length ? "row-invalid" : undefined}>
                    <td>{row.row}</td>
                    <th scope="row">{row.values.fullName}</th>
                    <td>{birthDateText(row.values.birthDate)}</td>
                    <td>{row.values.category}</td>
                    <td>{row.values.role}</td>
                    <td>
                      {row.errors.length ? (
                        <ul>
                          {row.errors.map((e) => (
                            <li key={e.message}>{e.message}</li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {preview.invalid > 0 && (
            <label className="checkbox">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Пропустить строки с
              ошибками
            </label>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              aria-disabled={commit.busy || (preview.invalid > 0 && !skipInvalid) || undefined}
              onClick={() => (preview.invalid === 0 || skipInvalid) && run()}
            >
              {`Импортировать ${countOf(skipInvalid ? preview.valid : preview.total, objectNouns.participant)}`}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
