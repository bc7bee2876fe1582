/** Kinds of partner organisations and of their contracts, with Russian labels (no server imports: the web app reads them too). */
export const partnerKinds = ["employer", "nko", "school", "college", "university", "culture", "sport", "dpo", "other"] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerKindLabels: Record<PartnerKind, string> = {
  employer: "Предприятие, работодатель",
  nko: "НКО",
  school: "Школа",
  college: "Колледж, техникум",
  university: "Вуз",
  culture: "Учреждение культуры",
  sport: "Спортивная организация",
  dpo: "Организация ДПО",
  other: "Другая организация",
};

/** DOMAIN §3.19: the agreement on the target model, and the contracts the seeds name. */
export const contractKinds = ["agreement", "dual", "practice", "cooperation"] as const;
export type ContractKind = (typeof contractKinds)[number];

export const contractKindLabels: Record<ContractKind, string> = {
  agreement: "Соглашение о внедрении целевой модели наставничества",
  dual: "Договор о дуальном обучении",
  practice: "Договор о совместной реализации программ учебной и производственной практики",
  cooperation: "Договор о сотрудничестве, социальном партнёрстве",
};

/** Short names, for table headings. */
export const contractKindShort: Record<ContractKind, string> = {
  agreement: "Соглашения о внедрении ЦМН",
  dual: "Договоры о дуальном обучении",
  practice: "Договоры о практике",
  cooperation: "Договоры о сотрудничестве",
};
