import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { ConfirmDialog } from "../../components/Dialog";
import { FormError, SelectField, TextField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { formatDate, formatDateTime, parseNumber } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { invalid, sendChecked, useSubmit } from "../../lib/useSubmit";
import { IndicatorTable, SubmissionHistory } from "./IndicatorValues";
import { valueIssues } from "@rnc/core/monitoring/indicators";
import { submissionStatusLabels } from "@rnc/core/labels";
import { type SubmissionIndicator, type SubmissionView, indicatorValueText, numberText, submissionStatusClass } from "./types";
import "./monitoring.css";

/** The curator's form for one campaign: computed values to confirm, manual values to fill, then submit. */
export default function SubmissionPage() {
  const { campaignId = "" } = useParams();
  const submission = useResource(() => unwrap(api.monitoring.submissions[":campaignId"].$get({ param: { campaignId } })), [campaignId]);
  useRecordTitle(submission.data && `Отчёт: ${submission.data.campaign.name}`);
  return (
    <>
      <p>
        <Link to="/monitoring">← Все отчёты</Link>
      </p>
      <Async resource={submission}>{(view) => <SubmissionForm view={view} onChange={(next) => submission.set(() => next)} />}</Async>
    </>
  );
}

type Draft = Record<string, string>;
const draftOf = (view: SubmissionView): Draft =>
  Object.fromEntries(
    view.indicators.filter((i) => !i.computed).map((i) => [i.code, i.value === null ? "" : String(i.value).replace(".", ",")]),
  );

/** Form text → API value: numbers with a comma or a dot; an unparsable number is sent as text for the server to name. */
function valuesOf(view: SubmissionView, draft: Draft): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = {};
  for (const indicator of view.indicators) {
    if (indicator.computed) continue;
    const raw = (draft[indicator.code] ?? "").trim();
    if (raw === "") values[indicator.code] = null;
    else if (indicator.kind === "number" || indicator.kind === "percent") {
      values[indicator.code] = parseNumber(raw) ?? raw;
    } else values[indicator.code] = raw;
  }
  return values;
}

/** «Не указана …» → «не указана …», to follow «не рассчитывается:». */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function SubmissionForm({ view, onChange }: { view: SubmissionView; onChange: (next: SubmissionView) => void }) {
  const me = useMe();
  const canSubmit = roleCan(me.role, "monitoring.submit");
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [notice, setNotice] = useState("");
  const [confirming, setConfirming] = useState(false);
  const save = useSubmit();
  useEffect(() => setDraft(draftOf(view)), [view]);

  const numericProblems = () =>
    view.indicators
      .filter((i) => !i.computed && (i.kind === "number" || i.kind === "percent"))
      .filter((i) => (draft[i.code] ?? "").trim() !== "" && parseNumber(draft[i.code] ?? "") === undefined)
      .map((i) => ({ path: `values.${i.code}`, message: `Показатель «${i.label}» должен быть числом` }));

  const onSave = () =>
    save.run(async () => {
      const next = await sendChecked(numericProblems(), (options) =>
        api.monitoring.submissions[":campaignId"].$put(
          { param: { campaignId: view.campaign.campaignId }, json: { values: valuesOf(view, draft), version: view.version } },
          options,
        ),
      );
      onChange(next);
      setNotice("Черновик сохранён");
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.busy) return;
    // The server's own checks of a complete report, so that only a report it will take is confirmed.
    const problems = valueIssues(view.indicators, valuesOf(view, draft), true);
    if (problems.length) return save.setError(invalid(problems));
    save.setError(null);
    setConfirming(true);
  };
  /** Sent only once confirmed: a sent report is locked. An error closes the dialog and shows at the form's fields. */
  const send = async () => {
    await save.run(async () => {
      const next = await unwrap(
        api.monitoring.submissions[":campaignId"].submit.$post({
          param: { campaignId: view.campaign.campaignId },
          json: { values: valuesOf(view, draft), version: view.version },
        }),
      );
      onChange(next);
      setNotice(next.late ? "Отчёт отправлен в РНЦ после срока: он принят и отмечен как поданный с опозданием" : "Отчёт отправлен в РНЦ");
    });
    setConfirming(false);
  };
  const late = Date.now() > Date.parse(view.deadlineEnd);

  return (
    <>
      <h1>{view.campaign.name}</h1>
      <p className="summary">
        <span className={`badge ${submissionStatusClass[view.status]}`}>{submissionStatusLabels[view.status]}</span>
        {view.late && <span className="badge status-suspended">с опозданием</span>} Срок сдачи — {formatDate(view.campaign.deadline)}
        {view.submittedAt && <>; отправлен {formatDateTime(view.submittedAt)}</>}.
      </p>
      {notice && <Notice>{notice}</Notice>}
      {view.status === "returned" && view.returnComment && (
        <div className="form-error" role="note">
          <p className="form-error-title">РНЦ вернул отчёт на доработку</p>
          <p>{view.returnComment}</p>
        </div>
      )}
      {!view.editable || !canSubmit ? (
        <>
          {!view.editable && (
            <p>
              Отчёт отправлен: рассчитанные значения зафиксированы на момент отправки. Изменить его можно, если РНЦ вернёт его на доработку.
            </p>
          )}
          <IndicatorTable view={view} />
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <FormError error={save.error} />
          <p className="hint">
            Значения с пометкой «рассчитано автоматически» взяты из базы участников, пар и анкет на сегодня; при отправке они фиксируются.
            Остальные показатели заполните.
          </p>
          {view.indicators.map((indicator) =>
            indicator.computed ? (
              <ComputedRow key={indicator.code} indicator={indicator} />
            ) : (
              <ManualField
                key={indicator.code}
                indicator={indicator}
                value={draft[indicator.code] ?? ""}
                onChange={(value) => setDraft((d) => ({ ...d, [indicator.code]: value }))}
                error={save.field(`values.${indicator.code}`)}
              />
            ),
          )}
          <div className="actions">
            <button type="button" className="button secondary" onClick={onSave} aria-disabled={save.busy || undefined}>
              Сохранить черновик
            </button>
            <button type="submit" className="button" aria-disabled={save.busy || undefined}>
              {view.status === "returned" ? "Отправить повторно" : "Отправить в РНЦ"}
            </button>
          </div>
        </form>
      )}
      {confirming && (
        <ConfirmDialog
          title={view.status === "returned" ? "Отправить отчёт в РНЦ повторно?" : "Отправить отчёт в РНЦ?"}
          confirmLabel="Отправить отчёт"
          busy={save.busy}
          onConfirm={() => void send()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            После отправки отчёт нельзя изменить, пока РНЦ не вернёт его на доработку. Значения, рассчитанные автоматически, зафиксируются
            на момент отправки.
          </p>
          {late && <p>Срок сдачи прошёл: отчёт будет отмечен как поданный с опозданием.</p>}
        </ConfirmDialog>
      )}
      <SubmissionHistory view={view} />
    </>
  );
}

function ComputedRow({ indicator }: { indicator: SubmissionIndicator }) {
  return (
    <div className="indicator-row">
      <p className="sub">
        {indicator.label}
        <span className="computed-mark">рассчитано автоматически</span>
      </p>
      <p className="computed-value">
        {indicatorValueText(indicator)}
        {indicator.value === null && (
          <span className="hint">
            {" "}
            не рассчитывается: {indicator.missing ? lowerFirst(indicator.missing) : "не хватает исходных данных"}
          </span>
        )}
      </p>
    </div>
  );
}

function ManualField({
  indicator,
  value,
  onChange,
  error,
}: {
  indicator: SubmissionIndicator;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const range =
    indicator.kind === "number" || indicator.kind === "percent"
      ? `от ${numberText(indicator.min ?? 0)}${indicator.max !== undefined ? ` до ${numberText(indicator.max)}` : indicator.kind === "percent" ? " до 100" : ""}${indicator.unit ? ` ${indicator.unit}` : ""}`
      : undefined;
  const hint = [indicator.hint, range && `Допустимо ${range}`].filter(Boolean).join(". ") || undefined;
  if (indicator.kind === "choice")
    return (
      <SelectField
        label={indicator.label}
        name={indicator.code}
        required={indicator.required}
        hint={hint}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      >
        <option value="">— выберите —</option>
        {(indicator.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    );
  return (
    <TextField
      label={indicator.label}
      name={indicator.code}
      required={indicator.required}
      hint={hint}
      inputMode={indicator.kind === "text" ? undefined : "decimal"}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
