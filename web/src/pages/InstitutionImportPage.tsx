import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import type { Ok } from "../api/client";
import { FormError, SubmitButton } from "../components/Form";
import { Notice } from "../components/Status";
import { downloadFromApi, fileToUpload } from "../lib/files";
import { countOf, nouns, objectNouns } from "../lib/plural";
import { useSubmit } from "../lib/useSubmit";
import { TableWrap } from "../components/TableWrap";

type Preview = Ok<typeof api.institutions.import.preview.$post>;
type Upload = { fileName: string; contentBase64: string };

const columnLabels: Record<string, string> = {
  fullName: "Полное наименование",
  shortName: "Краткое наименование",
  type: "Тип",
  municipality: "Муниципалитет",
  studentsTotal: "Обучающихся",
  students10to19: "10–19 лет",
  teachersTotal: "Педагогов",
  youngTeachers: "Молодых специалистов",
  contactEmail: "Электронная почта",
  contactPhone: "Телефон",
};

/** Bulk creation of institutions from XLSX/CSV: template, preview with per-row errors, then import. */
export default function InstitutionImportPage() {
  const fileId = useId();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const check = useSubmit();
  const save = useSubmit();
  const template = useSubmit();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setResult(null);
    setUpload(chosen ? await fileToUpload(chosen) : null);
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!upload) return;
    void check.run(async () => setPreview(await unwrap(api.institutions.import.preview.$post({ json: upload }))));
  };

  const onImport = (skipInvalid: boolean) =>
    save.run(async () => {
      if (!upload) return;
      const done = await unwrap(api.institutions.import.$post({ json: { ...upload, skipInvalid } }));
      setResult(
        `Создано: ${countOf(done.created, nouns.institution)}${done.skipped ? `; пропущено строк с ошибками: ${done.skipped}` : ""}${done.failed.length ? `; не удалось создать: ${done.failed.length}` : ""}.`,
      );
      setPreview(null);
    });

  return (
    <>
      <p>
        <Link to="/institutions">← Организации</Link>
      </p>
      <h1>Импорт организаций из файла</h1>
      <p>
        Заполните шаблон (одна строка — одна организация) и загрузите его. Сначала мы проверим все строки; организации будут созданы только
        после вашего подтверждения.
      </p>
      <p className="actions">
        <button
          type="button"
          className="button secondary"
          aria-disabled={template.busy || undefined}
          onClick={() =>
            !template.busy &&
            template.run(() => downloadFromApi("/api/institutions/import/template?format=xlsx", "Шаблон списка организаций.xlsx"))
          }
        >
          Скачать шаблон XLSX
        </button>
        <button
          type="button"
          className="button secondary"
          aria-disabled={template.busy || undefined}
          onClick={() =>
            !template.busy &&
            template.run(() => downloadFromApi("/api/institutions/import/template?format=csv", "Шаблон списка организаций.csv"))
          }
        >
          Скачать шаблон CSV
        </button>
      </p>
      <FormError error={template.error} />

      <form onSubmit={onPreview} noValidate>
        <div className="field">
          <label htmlFor={fileId}>Файл XLSX или CSV (UTF-8)</label>
          <input id={fileId} type="file" accept=".xlsx,.csv" onChange={(e) => void onFile(e)} />
        </div>
        <FormError error={check.error} />
        <SubmitButton busy={check.busy} busyLabel="Проверяем…">
          Проверить файл
        </SubmitButton>
      </form>

      {result && <Notice>{result}</Notice>}

      {preview && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Проверка файла</h2>
          <p>
            Всего строк: {preview.total}. Без ошибок: {preview.valid}. С ошибками: {preview.invalid}.
          </p>
          <TableWrap>
            <table>
              <caption className="visually-hidden">Строки файла и найденные ошибки</caption>
              <thead>
                <tr>
                  <th scope="col">Строка</th>
                  <th scope="col">Организация</th>
                  <th scope="col">Тип</th>
                  <th scope="col">Муниципалитет</th>
                  <th scope="col">Результат проверки</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.errors.length ? "row-error" : undefined}>
                    <td>{row.row}</td>
                    <td>{row.values.shortName || row.values.fullName}</td>
                    <td>{row.values.type}</td>
                    <td>{row.values.municipality}</td>
                    <td>
                      {row.errors.length === 0 ? (
                        "Готово к импорту"
                      ) : (
                        <ul>
                          {row.errors.map((error) => (
                            <li key={`${error.field}-${error.message}`}>
                              {columnLabels[error.field] ? `${columnLabels[error.field]}: ` : ""}
                              {error.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <FormError error={save.error} />
          {preview.valid > 0 ? (
            <p className="actions">
              <button
                type="button"
                className="button"
                aria-disabled={save.busy || undefined}
                onClick={() => !save.busy && void onImport(preview.invalid > 0)}
              >
                {save.busy
                  ? "Импортируем…"
                  : `${preview.invalid > 0 ? "Пропустить строки с ошибками и импортировать" : "Импортировать"} ${countOf(preview.valid, objectNouns.institution)}`}
              </button>
            </p>
          ) : (
            <p className="hint">В файле нет строк без ошибок. Исправьте ошибки в файле и загрузите его снова.</p>
          )}
        </section>
      )}
    </>
  );
}
