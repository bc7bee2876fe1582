/**
 * Mentor suggestions for a mentee: a pure, table-tested ranking. Each suggestion carries the reasons
 * the curator sees; the curator confirms one as a draft pair.
 */
import { type FormCode, type ParticipantCategory, formByCode, formsFor } from "../forms/catalogue";
import { countOf, ruCompare } from "../ru";

export type MenteeProfile = {
  participantId: string;
  category: ParticipantCategory;
  group?: string;
  requests: readonly string[];
  needs?: string;
};

export type MentorProfile = {
  participantId: string;
  name: string;
  category: ParticipantCategory;
  group?: string;
  competences: readonly string[];
  experience?: string;
  capacity: number;
  activeMentees: number;
  /** Only people in the base whose data may be processed are candidates. */
  available: boolean;
};

export type Suggestion = {
  participantId: string;
  name: string;
  score: number;
  forms: FormCode[];
  matchedRequests: string[];
  remaining: number;
  reasons: string[];
};

export const weights = { formFit: 30, overlap: 50, capacityPerPlace: 5, capacityMax: 15, sameGroup: -20 } as const;

/** Word stems: lower case, ё → е, words of 3+ letters cut to 5 characters («математика», «математике» → «матем»). */
export function stems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/ё/g, "е")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3)
      .map((word) => word.slice(0, 5)),
  );
}

const normalizeGroup = (group?: string) => (group ?? "").toLowerCase().replace(/\s+/g, "");

export function scoreMentor(mentee: MenteeProfile, mentor: MentorProfile, enabled: readonly FormCode[]): Suggestion | undefined {
  if (!mentor.available || mentor.participantId === mentee.participantId) return undefined;
  const forms = formsFor(enabled, mentor.category, mentee.category);
  if (forms.length === 0) return undefined;
  const remaining = mentor.capacity - mentor.activeMentees;
  if (remaining <= 0) return undefined;

  const offered = stems([...mentor.competences, mentor.experience ?? ""].join(" "));
  const requests = mentee.requests.length > 0 ? mentee.requests : mentee.needs ? [mentee.needs] : [];
  const matchedRequests = requests.filter((request) => [...stems(request)].some((stem) => offered.has(stem)));
  const overlap = requests.length > 0 ? matchedRequests.length / requests.length : 0;

  const reasons = [`Подходит форма: ${forms.map((code) => `«${formByCode(code).label}»`).join(", ")}`];
  let score = weights.formFit + Math.round(weights.overlap * overlap);
  if (matchedRequests.length > 0) reasons.push(`Компетенции отвечают на запросы: ${matchedRequests.join("; ")}`);
  else if (requests.length > 0) reasons.push("Компетенции не совпадают с запросами наставляемого");
  else reasons.push("У наставляемого не записаны запросы");

  score += Math.min(weights.capacityMax, remaining * weights.capacityPerPlace);
  reasons.push(`Свободно ${countOf(remaining, ["место", "места", "мест"])} из ${mentor.capacity}`);

  const peer = forms.every((code) => formByCode(code).peer);
  if (peer && normalizeGroup(mentor.group) !== "" && normalizeGroup(mentor.group) === normalizeGroup(mentee.group)) {
    score += weights.sameGroup;
    const names = forms.map((code) => `«${formByCode(code).label}»`).join(", ");
    reasons.push(`Учится в том же классе (группе): в форме ${names} лучше наставник из другого, старшего класса или группы`);
  }
  return { participantId: mentor.participantId, name: mentor.name, score, forms, matchedRequests, remaining, reasons };
}

/** Eligible mentors, best first (ties: more free places, then name). */
export function rankMentors(mentee: MenteeProfile, mentors: readonly MentorProfile[], enabled: readonly FormCode[]): Suggestion[] {
  return mentors
    .map((mentor) => scoreMentor(mentee, mentor, enabled))
    .filter((s): s is Suggestion => s !== undefined)
    .sort((a, b) => b.score - a.score || b.remaining - a.remaining || ruCompare(a.name, b.name));
}
