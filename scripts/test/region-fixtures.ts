import { withActor } from "@rnc/core";
import { Institution } from "@rnc/core/institution";
import { Campaign } from "@rnc/core/monitoring";
import { Pair } from "@rnc/core/pair";
import { Participant } from "@rnc/core/participant";
import { Roadmap } from "@rnc/core/roadmap";
import { createParticipantFixtures } from "./participant-fixtures";
import { createTestRegion, institutionInput, system } from "./fixtures";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * An active teacher – young specialist pair (consents, agreement, activation) made through the product's verbs;
 * `mentor` adds to the mentor's card (e.g. a partner organisation).
 */
export async function createActivePair(where: { regionId: string; tenantId: string }, label: string, mentor: { partnerOrg?: string } = {}) {
  return withActor({ type: "system", properties: where }, async () => {
    const mentorCard = await Participant.create({
      fullName: `Активов ${label} Наставник`,
      birthDate: "1980-01-01",
      category: "teacher",
      isMentor: true,
      isMentee: false,
      competences: ["математика"],
      capacity: 2,
      ...mentor,
    });
    const mentee = await Participant.create({
      fullName: `Молодцов ${label} Специалист`,
      birthDate: "2000-01-01",
      category: "young_specialist",
      isMentor: false,
      isMentee: true,
    });
    for (const p of [mentorCard, mentee]) {
      await Participant.addConsent(p.participantId, { signerKind: "self", signedAt: today(), document: `Согласие ${label}` });
    }
    const created = await Pair.create({
      form: "teacher_teacher",
      mentorId: mentorCard.participantId,
      menteeIds: [mentee.participantId],
      startDate: today(),
      endDate: "2099-01-01",
    });
    const agreed = await Pair.setAgreement(created.pair.pairId, {
      signedAt: today(),
      document: `Соглашение ${label}`,
      version: created.pair.version,
    });
    await Pair.activate(created.pair.pairId, { version: agreed.pair.version });
    return { pairId: created.pair.pairId, mentorId: mentorCard.participantId, names: [mentorCard.fullName, mentee.fullName] };
  });
}

/**
 * A region for the roll-up tests: a school and a college in «Тестовый район», a third institution in «Другой район»,
 * participants and pairs in each (one pair active), a roadmap with an overdue item, and a published monitoring campaign.
 * `names` are participants' names, which no regional answer may contain.
 */
export async function createStatsRegion(label = "Статистики") {
  const home = await createTestRegion(`Регион ${label}`);
  const third = await system(() =>
    Institution.createInRegion(
      home.region.regionId,
      institutionInput({ municipality: "Другой район", type: "additional", students10to19: 50, youngTeachers: 4 }),
    ),
  );
  const where = (tenantId: string) => ({ regionId: home.region.regionId, tenantId });
  const names: string[] = [];
  const school = await createParticipantFixtures(where(home.school.tenantId), `${label}Ш`);
  const college = await createParticipantFixtures(where(home.college.tenantId), `${label}К`);
  names.push(...school.secrets.filter((s) => / /.test(s)), ...college.secrets.filter((s) => / /.test(s)));
  names.push(...(await createActivePair(where(home.school.tenantId), `${label}Ш`)).names);
  names.push(...(await createActivePair(where(third.tenantId), `${label}Д`)).names);
  names.push(...(await createActivePair(where(third.tenantId), `${label}Д2`)).names);
  await withActor({ type: "system", properties: where(home.school.tenantId) }, () =>
    Roadmap.importTable({
      text: "№ п/п\tНаименование мероприятий\tСрок реализации\n1.\tРаздел\t\n1.1\tПросроченное мероприятие\tДо 01.10.2025\n1.2\tБудущее мероприятие\tДо 01.05.2027",
      period: "2025/26",
      title: "Дорожная карта школы",
    }),
  );
  const campaign = await withActor({ type: "user", properties: { ...home.users.region_admin, role: "region_admin" } }, async () => {
    const created = await Campaign.create({
      kind: "monitoring",
      name: `Мониторинг ${label}`,
      periodStart: "2026-09-01",
      periodEnd: "2026-12-31",
      indicators: [{ code: "events", label: "Мероприятия", kind: "number", required: true }],
    });
    return Campaign.publish(created.campaignId);
  });
  return { ...home, third, campaign, names };
}
