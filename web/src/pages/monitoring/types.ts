/** Monitoring, KPI and survey shapes, derived from the API's own types through the typed client. */
import type { Input, Ok, api } from "../../api/client";
import type { PluralForms } from "../../lib/plural";

export type Campaign = Ok<typeof api.monitoring.campaigns.$get>["items"][number];
export type CampaignInput = Input<typeof api.monitoring.campaigns.$post>;
export type Indicator = NonNullable<CampaignInput["indicators"]>[number];
export type Tracker = Ok<(typeof api.monitoring.campaigns)[":campaignId"]["tracker"]["$get"]>;
export type TrackerItem = Tracker["items"][number];
export type SubmissionView = Ok<(typeof api.monitoring.submissions)[":campaignId"]["$get"]>;
export type SubmissionIndicator = SubmissionView["indicators"][number];
export type SubmissionStatus = SubmissionView["status"];
export type OwnSubmission = Ok<typeof api.monitoring.submissions.$get>["items"][number];
export type Targets = Ok<typeof api.kpi.targets.$get>;
export type InstitutionKpi = Ok<typeof api.kpi.institution.$get>;
export type RegionKpi = Ok<typeof api.kpi.region.$get>;
export type KpiRow = InstitutionKpi["rows"][number];

/** Badge colours: the app's AA-contrast pairs. */
export const submissionStatusClass: Record<SubmissionStatus, string> = {
  not_started: "status-archived",
  draft: "status-suspended",
  submitted: "status-active",
  returned: "status-returned",
  resubmitted: "status-active",
  accepted: "status-active",
};

export const campaignStatusLabels: Record<Campaign["status"], string> = {
  draft: "Черновик",
  published: "Разослана организациям",
  closed: "Завершена",
};

export const campaignKindLabels: Record<Campaign["kind"], string> = {
  monitoring: "Мониторинг реализации ЦМН",
  federal_count: "Численность участников (федеральная форма)",
};

export const monitoringNouns = {
  institution: ["организация", "организации", "организаций"],
  indicator: ["показатель", "показателя", "показателей"],
  answer: ["ответ", "ответа", "ответов"],
  link: ["ссылка", "ссылки", "ссылок"],
  row: ["строка", "строки", "строк"],
  question: ["вопрос", "вопроса", "вопросов"],
} as const satisfies Record<string, PluralForms>;

/** "20 %" / "20,5 %" / "—" for a value that cannot be computed. */
export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${String(value).replace(".", ",")} %`;
export const numberText = (value: number | string | null | undefined) =>
  value === null || value === undefined || value === "" ? "—" : typeof value === "number" ? String(value).replace(".", ",") : value;

/** An indicator's value as shown: «10,5 %» for a percent, the number with its unit, the text, or «—». */
export const indicatorValueText = (indicator: { kind: string; unit?: string; value: number | string | null }) =>
  indicator.kind === "percent" && typeof indicator.value === "number"
    ? percent(indicator.value)
    : `${numberText(indicator.value)}${indicator.value !== null && indicator.value !== "" && indicator.unit ? ` ${indicator.unit}` : ""}`;
