import { describe, expect, it } from "vitest";
import { createTestRegion, mailTo, system } from "../../../../scripts/test/fixtures";
import { withActor } from "../actor";
import { Participant } from "../participant";
import { runReminders } from "../reminders";
import { DEFAULT_TIME_ZONE, addDays, todayIn } from "../dates";
import { Pair } from ".";
import { quietPairReminders } from "./reminders";

const policy = { ratePerSecond: 1000, attempts: 2, backoffMs: 5 };

describe("reminders for pairs with no meeting for 45 days", async () => {
  const { region, school, users } = await createTestRegion("Регион тихих пар");
  const where = { regionId: region.regionId, tenantId: school.tenantId };
  // The region's today (Moscow): what the activation records, also in the hours when UTC is still on the day before.
  const today = todayIn(region.timeZone ?? DEFAULT_TIME_ZONE);
  const asInstitution = <T>(fn: () => Promise<T>) => withActor({ type: "system", properties: where }, fn);
  // «Ученик – ученик»: an adult pupil mentors a minor pupil; both have consents, the agreement is signed.
  const pairId = await asInstitution(async () => {
    const mentor = await Participant.create({
      fullName: "Тишин Пётр Ильич",
      birthDate: "2007-01-10",
      category: "pupil",
      isMentor: true,
      isMentee: false,
      capacity: 1,
    });
    const mentee = await Participant.create({
      fullName: "Тишина Вера Петровна",
      birthDate: "2013-03-03",
      category: "pupil",
      isMentor: false,
      isMentee: true,
    });
    await Participant.addConsent(mentor.participantId, { signerKind: "self", signedAt: today, document: "Согласие 1" });
    await Participant.addConsent(mentee.participantId, {
      signerKind: "legal_representative",
      representativeName: "Тишина Анна Ивановна",
      representativeRelation: "мать",
      signedAt: today,
      document: "Согласие 2",
    });
    const created = await Pair.create({
      form: "pupil_pupil",
      mentorId: mentor.participantId,
      menteeIds: [mentee.participantId],
      startDate: today,
      endDate: "2099-01-01",
    });
    const agreed = await Pair.setAgreement(created.pair.pairId, {
      signedAt: today,
      document: "Соглашение № 7",
      representatives: [{ participantId: mentee.participantId, name: "Тишина Анна Ивановна", relation: "мать" }],
      version: created.pair.version,
    });
    await Pair.activate(created.pair.pairId, { version: agreed.pair.version });
    return created.pair.pairId;
  });

  it("reminds the curator on the 45th day after the activation (no meeting yet), naming no one", async () => {
    const quietDay = addDays(today, 45);
    const before = await system(() => runReminders({ date: addDays(today, 44), sources: [quietPairReminders], policy }));
    expect(before.sent).toBe(0);
    const report = await system(() => runReminders({ date: quietDay, sources: [quietPairReminders], policy }));
    expect(report).toMatchObject({ sent: 1, itemsRead: 1 });
    const mail = (await mailTo(users.curator.email)).at(-1);
    expect(mail?.body.text).toContain("Пары без встреч более 45 дней (1)");
    expect(mail?.body.text).toContain(`/pairs/${pairId}`);
    expect(mail?.body.text).not.toMatch(/Тишин/);
  });

  it("a new meeting moves the date; ending the pair removes it", async () => {
    const later = addDays(today, 0);
    await asInstitution(() => Pair.addMeeting(pairId, { date: later, stage: "planning", durationMinutes: 30, notes: "План" }));
    await asInstitution(async () => {
      const page = await Pair.get(pairId);
      await Pair.complete(pairId, { version: page.pair.version, results: "Цели достигнуты", reflection: "Полезно" });
    });
    const report = await system(() => runReminders({ date: addDays(later, 45), sources: [quietPairReminders], policy }));
    expect(report.itemsRead).toBe(0);
  });
});
