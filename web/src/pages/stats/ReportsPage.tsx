import { type FormEvent, useEffect, useState } from "react";
import { type ApiError, type Ok, api, unwrap } from "../../api/client";
import { FormError, SelectField, SubmitButton } from "../../components/Form";
import { type RegionFilter, RegionFilterFields, filterFields, noRegionFilter } from "./RegionFilters";
import { Async } from "../../components/Status";
import { downloadFromApi } from "../../lib/files";
import { formatDateTime } from "../../lib/format";
import { asApiError, useResource } from "../../lib/useResource";
import { type SheetCode, sheetCodes, sheetNames } from "@rnc/core/reports/sheets";
import "./stats.css";

/** «Сводка», «Организации», … и «Лучшие практики». */
const sheetList = (() => {
  const names = sheetCodes.map((code) => `«${sheetNames[code]}»`);
  return `${names.slice(0, -1).join(", ")} и ${names.at(-1)}`;
})();

type ExportInfo = Ok<(typeof api.reports.exports)[":exportId"]["$get"]>;

const statusText = { queued: "В очереди", running: "Формируется", done: "Готово", failed: "Ошибка" } as const;

/** A file link: the API's local file route needs the session's token; a presigned storage URL is a plain link. */
function DownloadLink({ info }: { info: ExportInfo }) {
  const [error, setError] = useState<ApiError | null>(null);
  if (!info.downloadUrl || !info.fileName) return null;
  const url = info.downloadUrl;
  const name = info.fileName;
  if (!url.startsWith("/api/")) {
    return (
      <a className="button" href={url} download={name}>
        Скачать «{name}»
      </a>
    );
  }
  return (
    <>
      <a
        className="button"
        href={url}
        onClick={(e) => {
          e.preventDefault();
          setError(null);
          downloadFromApi(url, name).catch((err: unknown) => setError(asApiError(err)));
        }}
      >
        Скачать «{name}»
      </a>
      <FormError error={error} />
    </>
  );
}

function Progress({ info }: { info: ExportInfo }) {
  return (
    <div>
      <p>
        {statusText[info.status]}: {info.progress} %
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Ход выгрузки"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={info.progress}
      >
        <div className="progress-fill" style={{ width: `${info.progress}%` }} />
      </div>
      {info.status === "failed" && <p role="alert">{info.error}</p>}
    </div>
  );
}

/**
 * What a screen reader hears of the current export: that it started and that it is ready (not every percent of the
 * progress, which the progress bar holds). A failure is an alert of its own (Progress). The region is on the page
 * from the start, so that the first message in it is read out too.
 */
function ExportAnnouncement({ info }: { info: ExportInfo | null }) {
  const message =
    !info || info.status === "failed"
      ? ""
      : info.status !== "done"
        ? "Отчёт формируется…"
        : info.fileName
          ? `Отчёт сформирован: файл «${info.fileName}» можно скачать`
          : "Отчёт сформирован";
  return (
    <p className="visually-hidden" role="status">
      {message}
    </p>
  );
}

/** Consolidated regional report: one click starts it, the progress shows, the file downloads from a link. */
export default function ReportsPage() {
  const [format, setFormat] = useState<"xlsx" | "csv">("xlsx");
  const [sheet, setSheet] = useState<SheetCode>("summary");
  const [campaignId, setCampaignId] = useState("");
  const [filter, setFilter] = useState<RegionFilter>(noRegionFilter);
  const [current, setCurrent] = useState<ExportInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const campaigns = useResource(() => unwrap(api.monitoring.campaigns.$get()), []);
  const municipalities = useResource(async () => {
    const { items } = await unwrap(api.institutions.$get({ query: {} }));
    return [...new Set(items.map((institution) => institution.municipality))].sort((a, b) => a.localeCompare(b, "ru"));
  }, []);
  const history = useResource(() => unwrap(api.reports.exports.$get()), []);

  useEffect(() => {
    if (!current || current.status === "done" || current.status === "failed") return;
    const timer = setTimeout(async () => {
      try {
        const next = await unwrap(api.reports.exports[":exportId"].$get({ param: { exportId: current.exportId } }));
        setCurrent(next);
        if (next.status === "done" || next.status === "failed") history.reload();
      } catch (err) {
        setError(asApiError(err));
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [current, history]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = { format, ...(format === "csv" ? { sheet } : {}), ...(campaignId ? { campaignId } : {}), ...filterFields(filter) };
      setCurrent(await unwrap(api.reports.exports.$post({ json: body })));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Отчёты</h1>
      <p className="summary">
        Сводный отчёт региона: листы {sheetList}. Числа сводки, организаций, форм и дорожных карт — те же, что на странице «Статистика»;
        федеральная форма — сумма отчётов организаций о численности участников. Персональных данных участников в отчёте нет.
      </p>
      <form onSubmit={start} aria-label="Сформировать отчёт">
        <FormError error={error} />
        <SelectField label="Формат" name="format" value={format} onChange={(e) => setFormat(e.target.value as "xlsx" | "csv")}>
          <option value="xlsx">XLSX — все листы в одной книге</option>
          <option value="csv">CSV — один лист</option>
        </SelectField>
        {format === "csv" && (
          <SelectField label="Лист" name="sheet" value={sheet} onChange={(e) => setSheet(e.target.value as SheetCode)}>
            {sheetCodes.map((code) => (
              <option key={code} value={code}>
                {sheetNames[code]}
              </option>
            ))}
          </SelectField>
        )}
        <RegionFilterFields filter={filter} municipalities={municipalities.data ?? []} onChange={setFilter} />
        <Async resource={campaigns}>
          {(data) => (
            <SelectField
              label="Кампания для листа «Мониторинг»"
              name="campaignId"
              value={campaignId}
              onChange={(e) => setCampaignId(e.target.value)}
            >
              <option value="">Текущая (последняя разосланная)</option>
              {data.items
                .filter((c) => c.status !== "draft")
                .map((c) => (
                  <option key={c.campaignId} value={c.campaignId}>
                    {c.name}
                  </option>
                ))}
            </SelectField>
          )}
        </Async>
        <SubmitButton busy={busy}>Сформировать</SubmitButton>
      </form>
      <ExportAnnouncement info={current} />
      {current && (
        <section aria-label="Текущая выгрузка">
          <h2>Текущая выгрузка</h2>
          <Progress info={current} />
          <DownloadLink info={current} />
        </section>
      )}
      <h2>Последние выгрузки</h2>
      <Async resource={history}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Выгрузок пока не было.</p>
          ) : (
            <ul>
              {data.items.map((item) => (
                <li key={item.exportId}>
                  {formatDateTime(item.createdAt)} — {item.format.toUpperCase()}
                  {item.sheet ? ` (${sheetNames[item.sheet as SheetCode] ?? item.sheet})` : ""}: {statusText[item.status]}{" "}
                  {item.status === "done" && <DownloadLink info={item} />}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </>
  );
}
