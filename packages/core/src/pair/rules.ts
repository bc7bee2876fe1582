import { type Calendar, addDays, daysBetween, todayIn } from "../dates";
/**
 * The rules a pair or group must satisfy to become active, with the Russian messages the curator sees.
 * Pure: the verb loads the members and the enabled forms, this decides.
 */
import { type FormCode, type ParticipantCategory, categoryLabels, formByCode } from "../forms/catalogue";
import { isMinor } from "../participant/age";
import { shortName } from "../participant/names";
import { countOf } from "../ru";

export type Member = {
  participantId: string;
  fullName: string;
  category: ParticipantCategory;
  status: "active" | "restricted" | "anonymised";
  birthDate?: string;
  birthYear?: number;
  consentId?: string;
  consentSigner?: "self" | "legal_representative";
  capacity?: number;
  activeMentees: number;
  /** Marked in the register as a mentor (checked for the pair's mentor). */
  isMentor: boolean;
};

export type AgreementFacts = { signedAt: string; representatives?: { participantId: string }[] } | undefined;

export type ActivationProblem = { code: string; message: string; participantId?: string };

const who = (m: Member) => `«${shortName(m.fullName)}»`;
const mentees = ["наставляемый", "наставляемых", "наставляемых"] as const;

export function activationProblems(input: {
  form: FormCode;
  enabledForms: readonly FormCode[];
  mentor: Member;
  mentees: Member[];
  agreement: AgreementFacts;
  today: string;
}): ActivationProblem[] {
  const { mentor, today } = input;
  const form = formByCode(input.form);
  const members = [mentor, ...input.mentees];
  const problems: ActivationProblem[] = [];

  if (!input.enabledForms.includes(input.form)) {
    problems.push({
      code: "pair.form_disabled",
      message: `Нельзя активировать пару: форма наставничества «${form.label}» не используется в организации. Включите эту форму в разделе «Моя организация» → «Формы наставничества» или прекратите пару и создайте новую в одной из форм организации.`,
    });
  }
  if (!mentor.isMentor) {
    problems.push({
      code: "pair.not_mentor",
      participantId: mentor.participantId,
      message: `Нельзя активировать пару: участник ${who(mentor)} больше не отмечен в базе как наставник`,
    });
  }
  if (!form.mentorCategories.includes(mentor.category)) {
    problems.push({
      code: "pair.form_mismatch",
      participantId: mentor.participantId,
      message: `Нельзя активировать пару: в форме «${form.label}» наставником не может быть участник ${who(mentor)} категории «${categoryLabels[mentor.category]}»`,
    });
  }
  for (const mentee of input.mentees) {
    if (!form.menteeCategories.includes(mentee.category)) {
      problems.push({
        code: "pair.form_mismatch",
        participantId: mentee.participantId,
        message: `Нельзя активировать пару: в форме «${form.label}» наставляемым не может быть участник ${who(mentee)} категории «${categoryLabels[mentee.category]}»`,
      });
    }
  }
  for (const member of members) {
    const minor = isMinor(member, today);
    const valid = member.status === "active" && member.consentId && (!minor || member.consentSigner === "legal_representative");
    if (!valid) {
      problems.push({
        code: "pair.consent_missing",
        participantId: member.participantId,
        message: `Нельзя активировать пару: у участника ${who(member)} нет действующего согласия на обработку персональных данных${
          minor ? " (несовершеннолетний — согласие законного представителя)" : ""
        }`,
      });
    }
  }
  if (!input.agreement) {
    problems.push({
      code: "pair.agreement_missing",
      message: "Нельзя активировать пару: не записано соглашение между наставником и наставляемым",
    });
  } else {
    for (const member of members) {
      if (isMinor(member, today) && !input.agreement.representatives?.some((r) => r.participantId === member.participantId)) {
        problems.push({
          code: "pair.agreement_missing",
          participantId: member.participantId,
          message: `Нельзя активировать пару: участник ${who(member)} несовершеннолетний — соглашение за него подписывает законный представитель. Укажите представителя в соглашении.`,
        });
      }
    }
  }
  const capacity = mentor.capacity ?? 1;
  if (mentor.activeMentees + input.mentees.length > capacity) {
    problems.push({
      code: "pair.capacity_exceeded",
      participantId: mentor.participantId,
      message: `Нельзя активировать пару: наставник ${who(mentor)} может вести не больше ${countOf(capacity, mentees).replace(/наставляемый$/, "наставляемого")} одновременно, сейчас у него ${countOf(mentor.activeMentees, mentees)}`,
    });
  }
  return problems;
}

/** A pair with no meeting for this many days is flagged as inactive. */
export const INACTIVE_AFTER_DAYS = 45;

/** The date an active pair turns inactive if nothing is recorded: its last meeting (or activation) + 45 days. */
export function quietOn(since: string): string {
  return addDays(since, INACTIVE_AFTER_DAYS);
}

/**
 * Active, and the last meeting (or the activation, before any meeting) is 45 or more days ago in the region's calendar:
 * the activation is an instant, counted from its day there, as the quiet-pair reminder counts it.
 */
export function isInactive(pair: { status: string; lastMeetingDate?: string; activatedAt?: string }, calendar: Calendar): boolean {
  if (pair.status !== "active") return false;
  const since = pair.lastMeetingDate ?? (pair.activatedAt ? todayIn(calendar.timeZone, new Date(pair.activatedAt)) : undefined);
  return since !== undefined && daysBetween(since, calendar.today) >= INACTIVE_AFTER_DAYS;
}
