import type { Ok, api } from "../../api/client";

export type Dashboard = Ok<typeof api.stats.region.$get>;
export type InstitutionSummary = Ok<(typeof api.stats.region.institutions)[":tenantId"]["$get"]>;
export type Figures = Dashboard["totals"];
export type RegionCounts = Ok<typeof api.stats.platform.$get>["regions"][number];

export const pairStatusLabels = {
  forming: "Формируются",
  active: "Активные",
  completed: "Завершённые",
  terminated: "Прекращённые",
} as const;
export const typeLabels: Record<string, string> = {
  school: "Школы",
  college: "Колледжи (СПО)",
  additional: "Дополнительное образование",
  other: "Другие",
};
export const num = (n: number) => n.toLocaleString("ru-RU");
