import type { InstitutionType, InvitationStatus, UserStatus } from "../api/types";

import { type Role, roleLabels } from "@rnc/core/access";

export { roleLabels };
export { institutionStatusLabels, institutionTypeLabels } from "@rnc/core/labels";

/** Short type names for tables. */
export const institutionTypeShort: Record<InstitutionType, string> = {
  school: "Школа",
  college: "СПО",
  additional: "Доп. образование",
  other: "Другая",
};

export const userStatusLabels: Record<UserStatus, string> = {
  active: "Активен",
  disabled: "Отключён",
};

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  pending: "Ожидает ответа",
  accepted: "Принято",
  expired: "Истекло",
  revoked: "Отозвано",
};

export { auditActionLabel } from "@rnc/core/audit/actions";

export const actorLabel = (role: string) => roleLabels[role as Role] ?? (role === "system" ? "Система" : "Без входа");

/** The time zones of Russia, west to east. */
export const russianTimeZones = [
  { id: "Europe/Kaliningrad", label: "Калининград (UTC+2)" },
  { id: "Europe/Moscow", label: "Москва (UTC+3)" },
  { id: "Europe/Samara", label: "Самара (UTC+4)" },
  { id: "Asia/Yekaterinburg", label: "Екатеринбург (UTC+5)" },
  { id: "Asia/Omsk", label: "Омск (UTC+6)" },
  { id: "Asia/Krasnoyarsk", label: "Красноярск (UTC+7)" },
  { id: "Asia/Irkutsk", label: "Иркутск (UTC+8)" },
  { id: "Asia/Yakutsk", label: "Якутск (UTC+9)" },
  { id: "Asia/Vladivostok", label: "Владивосток (UTC+10)" },
  { id: "Asia/Magadan", label: "Магадан (UTC+11)" },
  { id: "Asia/Kamchatka", label: "Камчатка (UTC+12)" },
] as const;

export const timeZoneLabel = (id: string) => russianTimeZones.find((zone) => zone.id === id)?.label ?? id;
