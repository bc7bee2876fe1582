/** Russian labels and the value lists they name, with no server imports: shared by the API, exports and the web app. */

export const institutionTypes = ["school", "college", "additional", "other"] as const;
export const institutionStatuses = ["active", "suspended", "archived"] as const;
export type InstitutionType = (typeof institutionTypes)[number];
export type InstitutionStatus = (typeof institutionStatuses)[number];

export const institutionTypeLabels: Record<InstitutionType, string> = {
  school: "Общеобразовательная организация (школа)",
  college: "Профессиональная образовательная организация (СПО)",
  additional: "Организация дополнительного образования",
  other: "Другая организация",
};

export const institutionStatusLabels: Record<InstitutionStatus, string> = {
  active: "Работает",
  suspended: "Приостановлена",
  archived: "В архиве",
};
