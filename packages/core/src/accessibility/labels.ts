/**
 * The categories of learners an accessibility measure is for (меры по обеспечению доступности, DOMAIN §3.23): the
 * seeds' accessibility categories, named as the registry's marks, or all of them (no server imports: the web app
 * reads them too).
 */
import { sensitiveFlagLabels } from "../participant/labels";

export const accessibilityCategories = [
  "all",
  "ovz",
  "disability",
  "special_needs",
  "gifted",
  "difficult_life",
  "low_income",
  "orphan",
  "remote_area",
] as const;
export type AccessibilityCategory = (typeof accessibilityCategories)[number];

export const accessibilityCategoryLabels: Record<AccessibilityCategory, string> = {
  all: "Все категории обучающихся",
  ovz: sensitiveFlagLabels.ovz,
  disability: sensitiveFlagLabels.disability,
  special_needs: sensitiveFlagLabels.special_needs,
  gifted: sensitiveFlagLabels.gifted,
  difficult_life: sensitiveFlagLabels.difficult_life,
  low_income: sensitiveFlagLabels.low_income,
  orphan: sensitiveFlagLabels.orphan,
  remote_area: sensitiveFlagLabels.remote_area,
};
