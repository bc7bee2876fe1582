/** Shapes and Russian labels of the participants and pairs screens (types come from the API through the typed client). */
import { formCatalogue } from "@rnc/core/forms/catalogue";
import { meetingStageLabels } from "@rnc/core/pair/labels";
import { shortName } from "@rnc/core/participant/names";
import { countOf } from "../../lib/plural";
import type { Input, Ok, api } from "../../api/client";

export type Participant = Ok<typeof api.participants.$get>["items"][number];
export type ParticipantInput = Input<typeof api.participants.$post>;
export type Card = Ok<(typeof api.participants)[":participantId"]["$get"]>;
export type ConsentInput = Input<(typeof api.participants)[":participantId"]["consents"]["$post"]>;
export type PairPage = Ok<(typeof api.pairs)[":pairId"]["$get"]>;
export type Pair = Ok<typeof api.pairs.$get>["items"][number];
/** A column of the pair board: one status's newest pairs, its count, and where its next page starts. */
export type BoardColumn = Ok<typeof api.pairs.board.$get>["columns"][number];
export type PairStatus = Pair["status"];
export type Category = Participant["category"];
export type FormCode = Pair["form"];
export type ImportPreview = Ok<typeof api.participants.import.preview.$post>;

export const formLabels = Object.fromEntries(formCatalogue.map((form) => [form.code, form.label])) as Record<FormCode, string>;

export type MeetingStage = PairPage["meetings"][number]["stage"];
/** The meeting stages in the order a pair goes through them (the order of their labels). */
const meetingStages = Object.keys(meetingStageLabels) as MeetingStage[];

/**
 * The stage a new meeting most likely has: the one after the pair's latest meeting (the diary comes sorted by date),
 * or the first when there is none. Joint work goes on over many meetings, so it stays until the final one is chosen.
 */
export function nextStage(meetings: readonly { stage: MeetingStage }[]): MeetingStage {
  const last = meetings.at(-1)?.stage;
  if (!last) return "introduction";
  if (last === "joint_work" || last === "final") return last;
  return meetingStages[meetingStages.indexOf(last) + 1] ?? last;
}

export const taskStatusLabels = { planned: "Запланирована", in_progress: "В работе", done: "Выполнена", cancelled: "Отменена" } as const;

export const roleText = (p: { isMentor?: boolean; isMentee?: boolean }) =>
  p.isMentor && p.isMentee ? "Наставник и наставляемый" : p.isMentor ? "Наставник" : "Наставляемый";

export const participantNouns = ["участник", "участника", "участников"] as const;
export const pairNouns = ["пара", "пары", "пар"] as const;
export const menteeNouns = ["наставляемый", "наставляемых", "наставляемых"] as const;
export const minuteNouns = ["минута", "минуты", "минут"] as const;

/** A pair as a page's title names it: «Пара: Петров П. П. и Иванова М. С.», «Группа: Петров П. П. и 5 наставляемых». */
export function pairTitle(pair: PairPage["pair"]): string {
  const mentor = pair.members.find((m) => m.role === "mentor");
  const mentees = pair.members.filter((m) => m.role === "mentee");
  const led = mentor ? `${shortName(mentor.name)} и ` : "";
  return pair.kind === "group"
    ? `Группа: ${led}${countOf(mentees.length, menteeNouns)}`
    : `Пара: ${led}${mentees.map((m) => shortName(m.name)).join(", ")}`;
}
