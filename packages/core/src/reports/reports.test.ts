import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTestRegion } from "../../../../scripts/test/fixtures";
import { createActivePair, createStatsRegion } from "../../../../scripts/test/region-fixtures";
import { type UserActor, withActor } from "../actor";
import { auditScope, listAudit } from "../audit";
import { Campaign, Submission } from "../monitoring";
import { Partner } from "../partner";
import { Practice } from "../practice";
import { Reward } from "../reward";
import { Training } from "../training";
import { defaultFederalTable } from "../monitoring/indicators";
import { RegionStats } from "../regionstats";
import { todayIn } from "../dates";
import { Reports, sheetNames } from "./index";
import { exportsDir } from "./storage";

const region = await createStatsRegion("Отчётов");
const foreign = await createTestRegion("Чужой регион отчётов");
const as = <T>(user: { userId: string; email: string; role: string; regionId?: string; tenantId?: string }, fn: () => Promise<T>) =>
  withActor({ type: "user", properties: user as UserActor["properties"] }, fn);
const admin = <T>(fn: () => Promise<T>) => as(region.users.region_admin, fn);

async function finished(exportId: string) {
  await Reports.settled();
  return admin(() => Reports.get(exportId));
}

type Caller = Parameters<typeof as>[0];

async function fileOf(exportId: string, user: Caller = region.users.region_admin): Promise<Buffer> {
  const file = await as(user, () => Reports.file(exportId));
  if (file.kind !== "local") throw new Error("expected a local file");
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A CSV export's lines, without the byte-order mark. */
const csvLines = async (exportId: string, user?: Caller) =>
  (await fileOf(exportId, user))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

const cellText = (value: ExcelJS.CellValue) => (value === null || value === undefined ? "" : String(value));

describe("the consolidated XLSX export", async () => {
  const started = await admin(() => Reports.start({ format: "xlsx" }));
  const done = await finished(started.exportId);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fileOf(started.exportId)) as unknown as ArrayBuffer);
  const dashboard = await admin(() => RegionStats.dashboard());
  const rowsOf = (name: string) => {
    const rows: string[][] = [];
    workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));
    return rows;
  };
  const summaryValue = (label: string) => rowsOf(sheetNames.summary).find((row) => row[0] === label)?.[1];

  it("starts queued and ends done at 100 % with a download link", () => {
    expect(started).toMatchObject({ status: "queued", progress: 0, format: "xlsx" });
    expect(started.downloadUrl).toBeUndefined();
    expect(done).toMatchObject({ status: "done", progress: 100, downloadUrl: `/api/reports/exports/${started.exportId}/file` });
    expect(done.fileName).toMatch(/^Сводный отчёт ЦМН \d{2}\.\d{2}\.\d{4}\.xlsx$/);
  });

  it("has exactly the nine sheets, in order", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Сводка",
      "Организации",
      "Формы наставничества",
      "Дорожные карты",
      "Мониторинг",
      "Федеральная форма",
      "Лучшие практики",
      "Партнёры и договоры",
      "Обучение и поощрения",
    ]);
  });

  it("its totals equal the dashboard's", () => {
    expect(Number(summaryValue("Организаций"))).toBe(dashboard.totals.institutions);
    expect(Number(summaryValue("Участников в базах"))).toBe(dashboard.totals.participants);
    expect(Number(summaryValue("Наставников"))).toBe(dashboard.totals.mentors);
    expect(Number(summaryValue("Пар и групп активных"))).toBe(dashboard.totals.pairs.active);
    expect(Number(summaryValue("Просрочено мероприятий"))).toBe(dashboard.compliance.overdue);

    const institutions = rowsOf(sheetNames.institutions);
    const header = institutions[0] ?? [];
    const total = institutions.find((row) => row[0] === "Итого") ?? [];
    const column = (name: string) => header.indexOf(name);
    expect(institutions.length).toBe(1 + dashboard.institutions.length + 1);
    expect(Number(total[column("Участников")])).toBe(dashboard.totals.participants);
    expect(Number(total[column("Пар активных")])).toBe(dashboard.totals.pairs.active);
    const perInstitution = institutions.slice(1, -1).reduce((n, row) => n + Number(row[column("Участников")]), 0);
    expect(perInstitution).toBe(dashboard.totals.participants);

    const forms = rowsOf(sheetNames.forms);
    const teacher = forms.find((row) => row[1]?.startsWith("Учитель – учитель"));
    expect(Number(teacher?.[2])).toBe(dashboard.totals.byForm.teacher_teacher.mentors);

    const roadmaps = rowsOf(sheetNames.roadmaps).find((row) => row[0] === "Итого");
    expect(Number(roadmaps?.[6])).toBe(dashboard.compliance.overdue);

    const federal = rowsOf(sheetNames.federal).find((row) => row[0] === "Всего участников");
    expect(federal?.slice(1, 4).map(Number)).toEqual([dashboard.totals.mentors, dashboard.totals.mentees, dashboard.totals.participants]);
  });

  it("lists every submission of the campaign", () => {
    const monitoring = rowsOf(sheetNames.monitoring);
    expect(monitoring[0]?.slice(0, 3)).toEqual(["Организация", "Муниципалитет", "Статус"]);
    expect(monitoring.slice(1, -1).map((row) => row[2])).toEqual(["Не начат", "Не начат", "Не начат"]);
  });

  it("shows each satisfaction level once, with its answers, and notes every KPI in one lower-case style", () => {
    const summary = rowsOf(sheetNames.summary);
    const satisfaction = summary.filter((row) => /удовлетворённост/i.test(row[0] ?? ""));
    expect(satisfaction.map((row) => row[0])).toEqual([
      "Уровень удовлетворённости наставляемых участием в программах наставничества, %",
      "Уровень удовлетворённости наставников участием в программах наставничества, %",
    ]);
    expect(satisfaction[0]?.[3]).toMatch(new RegExp(`; ответов: ${dashboard.satisfaction.mentee.answers}$`));
    expect(satisfaction[1]?.[3]).toMatch(new RegExp(`; ответов: ${dashboard.satisfaction.mentor.answers}$`));
    const notes = summary.filter((row) => dashboard.kpis.some((k) => k.label === row[0])).map((row) => row[3] ?? "");
    expect(notes).toHaveLength(dashboard.kpis.length);
    for (const note of notes) expect(note).toMatch(/^(достигнуто|ниже цели|нет данных|нет ответов)/);
  });

  it("writes its dates as Excel dates", () => {
    const summary = workbook.getWorksheet(sheetNames.summary);
    const cellOf = (label: string) => {
      let found: ExcelJS.Cell | undefined;
      summary?.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2);
      });
      return found;
    };
    expect(cellOf("Данные на дату")?.value).toEqual(new Date(`${dashboard.asOf}T00:00:00.000Z`));
    expect(cellOf("Данные на дату")?.numFmt).toBe("dd.mm.yyyy");
    expect(cellOf("Дата выгрузки")?.value).toBeInstanceOf(Date);
    expect(cellOf("Дата выгрузки")?.numFmt).toBe("dd.mm.yyyy hh:mm");
  });

  it("contains no participant's name", () => {
    const text = workbook.worksheets.flatMap((ws) => rowsOf(ws.name).flat()).join("\n");
    for (const name of region.names) expect(text).not.toContain(name);
  });
});

describe("the federal sheet of a region that held a federal-count campaign", () => {
  it("sums what the institutions sent: the participants of the pairs that ran in the period", async () => {
    const held = await createStatsRegion("Федеральной формы");
    const asAdmin = <T>(fn: () => Promise<T>) => as(held.users.region_admin, fn);
    const year = Number(todayIn("Europe/Moscow").slice(0, 4));
    const campaign = await asAdmin(async () => {
      const created = await Campaign.create({
        kind: "federal_count",
        name: `Численность участников, ${year}`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        table: defaultFederalTable(),
      });
      return Campaign.publish(created.campaignId);
    });
    // The school sends its count (its one teacher – young specialist pair); the other two institutions do not.
    const sent = await as(held.users.curator, async () => {
      const draft = await Submission.get(campaign.campaignId);
      return Submission.submit(campaign.campaignId, { version: draft.version });
    });
    const value = (code: string) => sent.indicators.find((i) => i.code === code)?.value;
    expect([value("total.mentors"), value("total.mentees"), value("total.all"), value("form_teacher_teacher.all")]).toEqual([1, 1, 2, 2]);
    expect([value("cat_teacher.mentors"), value("cat_young_specialist.mentees"), value("cat_pupil.all")]).toEqual([1, 1, 0]);

    // Next year's count being prepared (a draft, created later) has no reports: the sheet keeps this year's.
    await asAdmin(() =>
      Campaign.create({
        kind: "federal_count",
        name: `Численность участников, ${year + 1}`,
        periodStart: `${year + 1}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        table: defaultFederalTable(),
      }),
    );
    const started = await as(held.users.region_admin, () => Reports.start({ format: "csv", sheet: "federal" }));
    await Reports.settled();
    const lines = await csvLines(started.exportId, held.users.region_admin);
    expect(lines[0]).toContain(
      `по отчётам организаций («Численность участников, ${year}»): учтено 1 из 3 организаций (отправленные и не возвращённые на доработку)`,
    );
    expect(lines.find((line) => line.startsWith("Всего участников;"))).toBe("Всего участников;1;1;2");
    // No pupil was in a pair that ran: the school sent zeros, and zeros are summed (not left empty).
    expect(lines.find((line) => line.startsWith("Обучающийся (ученик);"))).toBe("Обучающийся (ученик);0;0;0");

    // Returned for correction, the report is not counted until it is sent again.
    await asAdmin(() => Campaign.return(campaign.campaignId, held.school.tenantId, { comment: "Уточните", version: sent.version }));
    const again = await as(held.users.region_admin, () => Reports.start({ format: "csv", sheet: "federal" }));
    await Reports.settled();
    const afterReturn = await csvLines(again.exportId, held.users.region_admin);
    expect(afterReturn[0]).toContain("учтено 0 из 3 организаций");
    expect(afterReturn.find((line) => line.startsWith("Всего участников;"))).toBe("Всего участников;;;");
  });

  it("lists the best practices the institutions sent, with the platform's link to the published ones, and never a draft", async () => {
    const held = await createStatsRegion("Практик в отчёте");
    const asCurator = <T>(fn: () => Promise<T>) => as(held.users.curator, fn);
    const sent = await asCurator(async () => {
      const created = await Practice.create({ title: "Клуб наставников", description: "Описание", form: "pupil_pupil" });
      await Practice.create({ title: "Черновик практики", description: "Ещё не отправлена" });
      return Practice.send(created.practiceId, { version: created.version });
    });
    await as(held.users.region_admin, () =>
      Practice.publish(held.school.tenantId, sent.practiceId, { platformUrl: "https://nastavnik.example.org/p/1", version: sent.version }),
    );
    const started = await as(held.users.region_admin, () => Reports.start({ format: "csv", sheet: "practices" }));
    await Reports.settled();
    const lines = await csvLines(started.exportId, held.users.region_admin);
    expect(lines).toHaveLength(2);
    const [name, municipality, title, form, status, , , platformUrl] = lines[1]?.split(";") ?? [];
    expect([name, municipality, title, form, status, platformUrl]).toEqual([
      held.school.shortName,
      held.school.municipality,
      "Клуб наставников",
      "Ученик – ученик",
      "Опубликована РНЦ",
      "https://nastavnik.example.org/p/1",
    ]);

    // A report of another year lists only the practices sent in that year (in the region's calendar).
    const lastYear = String(Number(todayIn("Europe/Moscow").slice(0, 4)) - 1);
    const ofLastYear = await as(held.users.region_admin, () => Reports.start({ format: "csv", sheet: "practices", period: lastYear }));
    await Reports.settled();
    expect(await csvLines(ofLastYear.exportId, held.users.region_admin)).toHaveLength(1);
  });
});

describe("the partners and the training and rewards sheets", () => {
  it("count each institution's partners and contracts in force, and its events and rewards of the year, naming no one", async () => {
    const held = await createStatsRegion("Партнёров в отчёте");
    const year = Number(todayIn("Europe/Moscow").slice(0, 4));
    const mentor = await createActivePair({ regionId: held.region.regionId, tenantId: held.school.tenantId }, "Награждённых", {
      partnerOrg: "ООО Завод",
    });
    await as(held.users.curator, async () => {
      await Partner.create({
        name: "ООО «Завод»",
        kind: "employer",
        inList: true,
        providesCurator: true,
        contracts: [
          { kind: "agreement", date: "2020-10-10" },
          { kind: "dual", date: `${year - 3}-09-01`, validUntil: `${year - 1}-06-30` },
          { kind: "practice", date: `${year}-02-01`, validUntil: `${year + 1}-02-01` },
        ],
      });
      await Partner.create({ name: "Дом культуры", kind: "culture", inList: false, providesCurator: false, contracts: [] });
      await Training.create({ title: "Семинар", kind: "seminar", date: `${year}-03-01`, participants: 10, certificates: true });
      // Moved to last year by an edit: the region index follows the date.
      const moved = await Training.create({ title: "Курсы", kind: "course", date: `${year}-04-01`, participants: 8, certificates: true });
      const { trainingId, createdAt: _c, updatedAt: _u, ...fields } = moved;
      await Training.update(trainingId, { ...fields, date: `${year - 1}-04-01` });
      // The year's last day is the year's.
      await Training.create({ title: "Итоговый", kind: "exchange", date: `${year}-12-31`, participants: 5, certificates: false });
      await Training.create({ title: "Прошлогодний", kind: "seminar", date: `${year - 1}-12-31`, participants: 7, certificates: true });
      await Reward.create({ participantId: mentor.mentorId, measure: "certificate", level: "institution", date: `${year}-06-01` });
      await Reward.create({ participantId: mentor.mentorId, measure: "contest_nomination", level: "regional", date: `${year}-09-01` });
      await Reward.create({ participantId: mentor.mentorId, measure: "thanks", level: "institution", date: `${year - 1}-09-01` });
    });
    // The college's event: the total adds the institutions up.
    await withActor({ type: "system", properties: { regionId: held.region.regionId, tenantId: held.college.tenantId } }, () =>
      Training.create({ title: "Обмен опытом", kind: "exchange", date: `${year}-05-01`, participants: 4, certificates: false }),
    );
    const sheet = async (code: "partners" | "activity") => {
      const started = await as(held.users.region_admin, () => Reports.start({ format: "csv", sheet: code }));
      await Reports.settled();
      return (await csvLines(started.exportId, held.users.region_admin)).map((line) => line.split(";"));
    };

    const partners = await sheet("partners");
    expect(partners[0]).toEqual([
      "Организация",
      "Муниципалитет",
      "Организаций-партнёров",
      "Из них в перечне партнёров",
      "Назначили куратора",
      "Предоставили наставников",
      `Соглашения о внедрении ЦМН (действовали в ${year} г.)`,
      `Договоры о дуальном обучении (действовали в ${year} г.)`,
      `Договоры о практике (действовали в ${year} г.)`,
      `Договоры о сотрудничестве (действовали в ${year} г.)`,
    ]);
    const school = partners.find((row) => row[0] === held.school.shortName);
    // The dual-training contract ended last year; the factory's mentor in the active pair counts it as providing mentors.
    expect(school?.slice(2)).toEqual(["2", "1", "1", "1", "1", "0", "1", "0"]);
    expect(partners.at(-2)).toEqual(["Итого по региону", "", "2", "1", "1", "1", "1", "0", "1", "0"]);
    expect(partners.at(-1)).toEqual(["Разных организаций в регионе", "", "2", "", "", "1", "", "", "", ""]);
    expect(partners).toHaveLength(1 + 3 + 2);

    const activity = await sheet("activity");
    expect(activity[0]?.slice(2, 6)).toEqual([
      `Мероприятий по обучению наставников в ${year} г.`,
      "Участников мероприятий",
      "Мероприятий с документами об обучении",
      `Поощрений наставников в ${year} г.`,
    ]);
    const schoolActivity = activity.find((row) => row[0] === held.school.shortName);
    expect(schoolActivity?.slice(2)).toEqual(["2", "15", "1", "2", "1", "0", "1", "0"]);
    expect(activity.at(-1)?.slice(2)).toEqual(["3", "19", "1", "2", "1", "0", "1", "0"]);

    const text = [...partners, ...activity].flat().join("\n");
    for (const name of [...held.names, ...mentor.names]) expect(text).not.toContain(name);
  });
});

describe("CSV of one sheet", () => {
  it("writes the chosen sheet only, with the same totals", async () => {
    const started = await admin(() => Reports.start({ format: "csv", sheet: "institutions", municipality: "Тестовый район" }));
    const done = await finished(started.exportId);
    expect(done).toMatchObject({ status: "done", progress: 100, sheet: "institutions" });
    expect(done.fileName).toMatch(/^Организации .*\.csv$/);
    const lines = await csvLines(started.exportId);
    expect(lines[0]?.split(";").slice(0, 5)).toEqual(["Организация", "Полное наименование", "Тип", "Муниципалитет", "Участников"]);
    const dashboard = await admin(() => RegionStats.dashboard({ municipality: "Тестовый район" }));
    expect(lines.length).toBe(1 + 2 + 1);
    expect(Number(lines.at(-1)?.split(";")[4])).toBe(dashboard.totals.participants);
  });

  it("asks for the sheet when the format is CSV", async () => {
    const { ExportInput } = await import("./index");
    expect(ExportInput.safeParse({ format: "csv" }).success).toBe(false);
    expect(ExportInput.safeParse({ format: "csv", sheet: "forms" }).success).toBe(true);
  });
});

describe("access to exports", () => {
  it("another region's export is the same 404 as a missing one", async () => {
    const theirs = await as(foreign.users.region_admin, () => Reports.start({ format: "xlsx" }));
    await Reports.settled();
    for (const id of [theirs.exportId, "exp_00000000000000000000000000"]) {
      await expect(admin(() => Reports.get(id))).rejects.toMatchObject({ kind: "not_found", code: "reports.export_not_found" });
      await expect(admin(() => Reports.file(id))).rejects.toMatchObject({ kind: "not_found" });
    }
    expect((await admin(() => Reports.list())).map((e) => e.exportId)).not.toContain(theirs.exportId);
  });

  it("a campaign of another region cannot be chosen", async () => {
    await expect(admin(() => Reports.start({ format: "xlsx", campaignId: "cmp_00000000000000000000000000" }))).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("institution roles may not export", async () => {
    await expect(as(region.users.curator, () => Reports.start({ format: "xlsx" }))).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("files stay inside the exports folder, under the region", async () => {
    const list = await admin(() => Reports.list());
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(exportsDir()).toBeTruthy();
    await expect(readFile(`${exportsDir()}/${region.region.regionId}/${list[0]?.exportId}.${list[0]?.format}`)).resolves.toBeInstanceOf(
      Buffer,
    );
  });
});

describe("the audit of exports", () => {
  it("starting an export writes an entry in the region's log", async () => {
    const started = await admin(() => Reports.start({ format: "csv", sheet: "summary" }));
    await Reports.settled();
    const log = (await listAudit(auditScope.region(region.region.regionId))).items;
    expect(log.filter((e) => e.target === started.exportId)).toEqual([
      expect.objectContaining({ action: "reports.export", actorId: region.users.region_admin.userId, regionId: region.region.regionId }),
    ]);
  });
});
