/**
 * The media plan's channels and content forms (информационное сопровождение, DOMAIN §3.22), with Russian labels (no
 * server imports: the web app reads them too).
 */
export const publicationChannels = ["site", "social", "municipal_media", "regional_media", "other"] as const;
export type PublicationChannel = (typeof publicationChannels)[number];

export const publicationChannelLabels: Record<PublicationChannel, string> = {
  site: "Официальный сайт организации",
  social: "Социальные сети (ВКонтакте и др.)",
  municipal_media: "Муниципальные СМИ",
  regional_media: "Региональные СМИ",
  other: "Другое",
};

export const publicationFormats = [
  "press_release",
  "post_release",
  "news",
  "digest",
  "photo_album",
  "playlist",
  "longread",
  "other",
] as const;
export type PublicationFormat = (typeof publicationFormats)[number];

export const publicationFormatLabels: Record<PublicationFormat, string> = {
  press_release: "Пресс-релиз",
  post_release: "Пост-релиз",
  news: "Новость",
  digest: "Дайджест",
  photo_album: "Фотоальбом",
  playlist: "Плейлист (видео)",
  longread: "Лонгрид",
  other: "Другое",
};

/** What the seeds ask of a form, shown where it is chosen (the lists show the name alone). */
export const publicationFormatHints: Partial<Record<PublicationFormat, string>> = {
  press_release: "анонс за 3–5 дней до события",
  post_release: "в течение дня после события",
  longread: "более 2000 знаков",
};

/** The seeds' rule for the institution's information support: «не реже 1 раза в неделю». */
export const PUBLICATION_INTERVAL_DAYS = 7;

/**
 * Whether a publication came out (published) or is still to (planned). One dated after the region's today can only be
 * planned; a planned one whose date has passed is not counted until it is marked published.
 */
export const publicationStatuses = ["published", "planned"] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
