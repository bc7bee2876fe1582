import { withActor } from "@rnc/core";
import { Pair } from "@rnc/core/pair";
import { Participant } from "@rnc/core/participant";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Participants, a consent, an active pair and a meeting inside one institution, made through the product's
 * verbs as trusted code: the foreign fixtures of the isolation matrix. `secrets` are the strings that must
 * never appear in another tenant's answers.
 */
export async function createParticipantFixtures(where: { regionId: string; tenantId: string }, label: string) {
  return withActor({ type: "system", properties: where }, async () => {
    const mentor = await Participant.create({
      fullName: `Наставников ${label} Петрович`,
      birthDate: "1980-04-04",
      category: "teacher",
      isMentor: true,
      isMentee: false,
      competences: [`Компетенция ${label}`],
      capacity: 2,
    });
    const mentee = await Participant.create({
      fullName: `Наставляемов ${label} Игоревич`,
      birthDate: "2012-02-02",
      category: "pupil",
      group: `Класс ${label}`,
      isMentor: false,
      isMentee: true,
      requests: [`Запрос ${label}`],
      sensitiveFlags: ["ovz"],
    });
    const representative = `Представителева ${label} Ивановна`;
    await Participant.addConsent(mentor.participantId, { signerKind: "self", signedAt: today(), document: `Согласие ${label}` });
    const consent = await Participant.addConsent(mentee.participantId, {
      signerKind: "legal_representative",
      representativeName: representative,
      representativeRelation: "мать",
      signedAt: today(),
      document: `Согласие ${label}`,
    });
    const created = await Pair.create({
      form: "teacher_teacher",
      mentorId: mentor.participantId,
      menteeIds: [mentee.participantId],
      startDate: today(),
      endDate: "2099-01-01",
      note: `Пара ${label}`,
    });
    const meeting = await Pair.addMeeting(created.pair.pairId, {
      date: today(),
      stage: "introduction",
      durationMinutes: 40,
      notes: `Встреча ${label}`,
    });
    return {
      mentorId: mentor.participantId,
      ids: {
        participantId: mentee.participantId,
        consentId: consent.consentId,
        pairId: created.pair.pairId,
        meetingId: meeting.meetings[0]?.meetingId ?? "",
      },
      secrets: [
        mentor.participantId,
        mentor.fullName,
        mentee.participantId,
        mentee.fullName,
        representative,
        consent.consentId,
        created.pair.pairId,
        `Пара ${label}`,
        `Встреча ${label}`,
        `Запрос ${label}`,
        `Компетенция ${label}`,
      ],
    };
  });
}
