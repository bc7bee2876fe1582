import { describe, expect, it } from "vitest";
import { auditScope, listAudit } from "@rnc/core/audit";
import { ParticipantEntity } from "@rnc/core/participant/participant.entity";
import { RewardEntity } from "@rnc/core/reward/reward.entity";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { createActivePair } from "../../../scripts/test/region-fixtures";
import { interleave } from "../../../scripts/test/transactions";
import { app } from "../app";

describe("mentors' rewards", async () => {
  const home = await createTestRegion("Регион поощрений");
  const foreign = await createTestRegion("Чужой регион поощрений");
  const { school, users } = home;
  const [curator, staff, viewer, admin] = await Promise.all([
    tokenFor(users.curator),
    tokenFor(users.staff),
    tokenFor(users.institution_viewer),
    tokenFor(users.region_admin),
  ]);
  const where = { regionId: home.region.regionId, tenantId: school.tenantId };
  const pair = await createActivePair(where, "Поощрений");
  const [mentorName, menteeName] = pair.names;
  const reward = { measure: "thank_letter", level: "institution", date: "2026-09-15", basis: "Приказ № 45-о", note: "За работу с группой" };
  const rewardsOf = async (token: string, query = "") => (await call(app, "GET", `/api/rewards${query}`, { token })).json.items;

  it("the working group records, corrects and deletes a mentor's rewards; the list names the mentor from the registry", async () => {
    const created = await call(app, "POST", "/api/rewards", { token: staff, body: { ...reward, participantId: pair.mentorId } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...reward, participantId: pair.mentorId, version: 1 });
    expect(created.json).not.toHaveProperty("fullName");
    const { rewardId } = created.json;
    const older = await call(app, "POST", "/api/rewards", {
      token: curator,
      body: { measure: "certificate", level: "municipal", date: "2025-06-01", participantId: pair.mentorId },
    });
    expect(older.status, older.text).toBe(201);

    expect((await rewardsOf(viewer)).map((r: { rewardId: string; fullName: string }) => [r.rewardId, r.fullName])).toEqual([
      [rewardId, mentorName],
      [older.json.rewardId, mentorName],
    ]);
    expect((await rewardsOf(curator, "?year=2025")).map((r: { rewardId: string }) => r.rewardId)).toEqual([older.json.rewardId]);
    // Everything stored about the person (a personal-data request) includes their rewards.
    const stored = await call(app, "GET", `/api/participants/${pair.mentorId}/export`, { token: curator });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json.rewards.map((r: { rewardId: string; basis?: string }) => [r.rewardId, r.basis])).toEqual(
      expect.arrayContaining([
        [rewardId, reward.basis],
        [older.json.rewardId, undefined],
      ]),
    );
    expect(await rewardsOf(curator, `?participantId=${pair.mentorId}&year=2024`)).toEqual([]);

    const { basis: _, ...withoutBasis } = reward;
    const edited = await call(app, "PUT", `/api/rewards/${rewardId}`, {
      token: curator,
      body: { ...withoutBasis, level: "regional", version: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ level: "regional", version: 2, participantId: pair.mentorId });
    expect((await RewardEntity.get({ tenantId: school.tenantId, rewardId }).go()).data).not.toHaveProperty("basis");
    const stale = await call(app, "PUT", `/api/rewards/${rewardId}`, { token: staff, body: { ...reward, version: 1 } });
    expect(stale.json.error).toMatchObject({ code: "record.stale_version", details: { current: { level: "regional", version: 2 } } });

    expect((await call(app, "POST", "/api/rewards", { token: viewer, body: { ...reward, participantId: pair.mentorId } })).status).toBe(
      403,
    );
    expect((await call(app, "GET", "/api/rewards", { token: admin })).status).toBe(403);

    expect((await call(app, "DELETE", `/api/rewards/${rewardId}?version=2`, { token: staff })).status).toBe(200);
    expect((await RewardEntity.get({ tenantId: school.tenantId, rewardId }).go()).data).toBeNull();
    const log = (await listAudit(auditScope.tenant(school.tenantId))).items.filter((e) => e.target === rewardId);
    expect(log.map((e) => e.action).sort()).toEqual(["reward.create", "reward.delete", "reward.update"]);
  });

  it("is given to a mentor of the institution's own registry only", async () => {
    const before = (await rewardsOf(curator)).length;
    const menteeId = (await ParticipantEntity.query.byTenant({ tenantId: school.tenantId }).go({ pages: "all" })).data.find(
      (p) => p.fullName === menteeName,
    )!.participantId;
    const notMentor = await call(app, "POST", "/api/rewards", { token: curator, body: { ...reward, participantId: menteeId } });
    expect(notMentor.status).toBe(409);
    expect(notMentor.json.error).toMatchObject({
      code: "reward.not_mentor",
      message: "Поощрение записывается наставнику: участник не отмечен как наставник",
    });
    const foreignPair = await createActivePair({ regionId: foreign.region.regionId, tenantId: foreign.school.tenantId }, "Чужих поощрений");
    const foreignMentor = await call(app, "POST", "/api/rewards", {
      token: curator,
      body: { ...reward, participantId: foreignPair.mentorId },
    });
    expect(foreignMentor.status).toBe(404);
    expect(foreignMentor.json.error.code).toBe("participant.not_found");
    const bad = await call(app, "POST", "/api/rewards", {
      token: curator,
      body: { participantId: pair.mentorId, measure: "medal", level: "", date: "31.12.2026" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields).toEqual([
      { path: "measure", message: "Выберите меру поощрения" },
      { path: "level", message: "Выберите уровень" },
      { path: "date", message: "Поле «Дата»: укажите существующую дату в формате ДД.ММ.ГГГГ" },
    ]);
    expect((await call(app, "GET", "/api/rewards?year=20x6", { token: curator })).status).toBe(400);
    expect((await rewardsOf(curator)).length).toBe(before);
  });

  it("a person whose data is anonymised: shown by initials, their rewards' texts erased, and no more rewards written", async () => {
    const other = await createActivePair(where, "Обезличиваемых");
    const given = await call(app, "POST", "/api/rewards", {
      token: curator,
      body: { ...reward, participantId: other.mentorId, note: `Награждён ${other.names[0]}` },
    });
    expect(given.status, given.text).toBe(201);
    expect((await call(app, "POST", `/api/participants/${other.mentorId}/anonymise`, { token: curator })).status).toBe(200);

    const listed = (await rewardsOf(curator, `?participantId=${other.mentorId}`))[0];
    expect(listed.fullName).not.toContain(other.names[0]);
    expect(listed).not.toHaveProperty("basis");
    expect(listed).not.toHaveProperty("note");
    expect(listed.version).toBe(2);
    const edit = await call(app, "PUT", `/api/rewards/${given.json.rewardId}`, { token: curator, body: { ...reward, version: 2 } });
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe("reward.participant_inactive");
    const more = await call(app, "POST", "/api/rewards", { token: curator, body: { ...reward, participantId: other.mentorId } });
    expect(more.json.error.code).toBe("reward.participant_inactive");
    expect((await RewardEntity.get({ tenantId: school.tenantId, rewardId: given.json.rewardId }).go()).data).toMatchObject({
      measure: reward.measure,
      version: 2,
    });
    // A reward recorded by mistake can still be deleted.
    expect((await call(app, "DELETE", `/api/rewards/${given.json.rewardId}?version=2`, { token: curator })).status).toBe(200);
  });

  it("a person who stops being a mentor between the check and the write gets no reward", async () => {
    const other = await createActivePair(where, "Бывших наставников");
    const before = (await rewardsOf(curator)).length;
    const result = await interleave(
      "reward.create",
      "before",
      () => ParticipantEntity.patch({ tenantId: school.tenantId, participantId: other.mentorId }).set({ isMentor: false }).go(),
      () => call(app, "POST", "/api/rewards", { token: curator, body: { ...reward, participantId: other.mentorId } }),
    );
    expect(result.status).toBe(409);
    expect(result.json.error.code).toBe("reward.not_mentor");
    expect((await rewardsOf(curator)).length).toBe(before);
  });
});
