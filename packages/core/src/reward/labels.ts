/** Mentors' reward measures (DOMAIN §3.21) and their levels, with Russian labels (no server imports: the web app reads them too). */
export const rewardMeasures = [
  "thanks",
  "certificate",
  "thank_letter",
  "parent_letter",
  "incentive_pay",
  "petition",
  "best_mentor",
  "school_contest",
  "contest_nomination",
  "honouring",
  "other",
] as const;
export type RewardMeasure = (typeof rewardMeasures)[number];

export const rewardMeasureLabels: Record<RewardMeasure, string> = {
  thanks: "Благодарность администрации",
  certificate: "Грамота",
  thank_letter: "Благодарственное письмо",
  parent_letter: "Благодарственное письмо родителям наставника-обучающегося",
  incentive_pay: "Стимулирующая выплата приказом директора",
  petition: "Ходатайство перед учредителем о награждении",
  best_mentor: "Сертификат «Лучший наставник»",
  school_contest: "Победа в конкурсе организации («Наставник года», «Лучшая пара», «Наставник+»)",
  contest_nomination: "Выдвижение на муниципальный, региональный или федеральный конкурс",
  honouring: "Чествование на торжественном мероприятии, конференции, педагогическом совете",
  other: "Другое",
};

export const rewardLevels = ["institution", "municipal", "regional", "federal"] as const;
export type RewardLevel = (typeof rewardLevels)[number];

export const rewardLevelLabels: Record<RewardLevel, string> = {
  institution: "Уровень организации",
  municipal: "Муниципальный",
  regional: "Региональный",
  federal: "Федеральный",
};

/** A level after a noun («Поощрения муниципального уровня», «Грамота (уровня организации)»). */
export const rewardLevelOf: Record<RewardLevel, string> = {
  institution: "уровня организации",
  municipal: "муниципального уровня",
  regional: "регионального уровня",
  federal: "федерального уровня",
};
