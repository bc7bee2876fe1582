/** Best practices' statuses and their Russian labels (no server imports: the web app reads them too). */
export const practiceStatuses = ["draft", "sent", "published"] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

export const practiceStatusLabels: Record<PracticeStatus, string> = {
  draft: "Черновик",
  sent: "Отправлена в РНЦ",
  published: "Опубликована РНЦ",
};
