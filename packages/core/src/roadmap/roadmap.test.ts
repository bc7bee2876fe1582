import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { seedDemoRoadmap } from "../../../../scripts/local/seed-roadmaps";
import { createTestRegion } from "../../../../scripts/test/fixtures";
import { interleave, once, onTransactions } from "../../../../scripts/test/transactions";
import { withActor } from "../actor";
import { ddb } from "../dynamo";
import { Roadmap } from "./index";
import { noteStrandedImports } from "./legacy";
import { RoadmapEntity, RoadmapItemEntity, RoadmapPendingEntity, RoadmapSectionEntity } from "./roadmap.entity";

const nst2021 = readFileSync(new URL("./fixtures/nst-2021.txt", import.meta.url), "utf8");
const items = (detail: { sections: { items: { number?: string; itemId: string; version: number }[] }[] }) =>
  detail.sections.flatMap((s) => s.items);

/** Items (not requests) DynamoDB read while `fn` ran: the sum of ScannedCount over every Query. */
async function countReads<T>(fn: () => Promise<T>): Promise<{ result: T; scanned: number; queries: number }> {
  const send = vi.spyOn(ddb, "send");
  try {
    const result = await fn();
    let scanned = 0;
    let queries = 0;
    for (const call of send.mock.results) {
      const output = (await call.value) as { ScannedCount?: number };
      if (output?.ScannedCount !== undefined) {
        scanned += output.ScannedCount;
        queries++;
      }
    }
    return { result, scanned, queries };
  } finally {
    send.mockRestore();
  }
}

/** A roadmap of one section whose items fall due in `year` (nothing else in the table is due then). */
const dueIn = (year: number, count: number) =>
  [
    "№ п/п\tНаименование мероприятий\tСрок реализации\tОтветственный исполнитель\tРезультат. Вид документа",
    "1.\tРаздел\t\t\t",
    ...Array.from(
      { length: count },
      (_, i) => `1.${i + 1}\tМероприятие ${i + 1}\tДо ${String((i % 28) + 1).padStart(2, "0")}.03.${year}\tКуратор\tОтчёт`,
    ),
  ].join("\n");

describe("roadmap storage", async () => {
  const { region, school, college, users } = await createTestRegion("Регион сроков");
  const asCurator = <T>(fn: () => Promise<T>) => withActor({ type: "user", properties: { ...users.curator, role: "curator" } }, fn);
  const asSystem = <T>(fn: () => Promise<T>) => withActor({ type: "system", properties: {} }, fn);
  const asRegion = <T>(fn: () => Promise<T>) =>
    withActor({ type: "user", properties: { ...users.region_viewer, role: "region_viewer" } }, fn);
  /** Every record of the roadmap still stored (header, sections, items) and its pending note, read from the table. */
  const storedOf = async (roadmapId: string) => {
    const key = { tenantId: school.tenantId, roadmapId };
    const [header, sections, roadmapItems, notes] = await Promise.all([
      RoadmapEntity.get(key).go(),
      RoadmapSectionEntity.query.byId(key).go({ pages: "all" }),
      RoadmapItemEntity.query.byId(key).go({ pages: "all" }),
      RoadmapPendingEntity.query.byRoadmap({}).go({ pages: "all" }),
    ]);
    return {
      status: header.data?.status,
      records: sections.data.length + roadmapItems.data.length,
      pending: notes.data.filter((note) => note.roadmapId === roadmapId).map((note) => note.operation),
    };
  };
  /** The recovery job's run as if it ran 16 minutes from now (past the 15 minutes any request can take). */
  const recoverLater = () => asSystem(() => Roadmap.recoverPending(new Date(Date.now() + 16 * 60_000)));
  /** The roadmap's items on the region's due-date index, read from the index itself. */
  const indexedOf = async (roadmapId: string) =>
    (await RoadmapItemEntity.query.byRegionOpen({ regionId: region.regionId }).go({ pages: "all" })).data.filter(
      (row) => row.roadmapId === roadmapId,
    );

  it("dueBetween reads only the items due in the window, one day partition at a time; done items leave the index", async () => {
    // 2031: nothing else in this table is due then. Quarterly (4 due dates), dated and undated items.
    const text = [
      "№ п/п\tНаименование мероприятий\tСрок реализации\tОтветственный исполнитель\tРезультат. Вид документа",
      "1.\tРаздел\t\t\t",
      "1.1\tПриказ\tДо 10.03.2031\tДиректор\tПриказ",
      "1.2\tСовет\tДо 12.03.2031\tЗам. директора\tПротокол",
      "1.3\tОтчёт\tДо 14.03.2031\tКуратор\tОтчёт",
      "1.4\tМониторинг\tежеквартально\tКуратор\tСправка",
      "1.5\tИнформирование\tв течение всего периода\tКуратор\tПубликации",
      "1.6\tСборник\tДо 20.04.2031\tМетодист\tСборник",
    ].join("\n");
    const detail = await asCurator(() => Roadmap.importTable({ text, period: "2031 год", title: "Сроки 2031" }));
    const byNumber = (n: string) => items(detail).find((i) => i.number === n) as { itemId: string; version: number };

    const window = await asSystem(() => countReads(() => Roadmap.dueBetween(region.regionId, "2031-03-01", "2031-03-31")));
    expect(window.result.map((i) => [i.number, i.due]).sort()).toEqual([
      ["1.1", "2031-03-10"],
      ["1.2", "2031-03-12"],
      ["1.3", "2031-03-14"],
      ["1.4", "2031-03-31"],
    ]);
    expect(window.result[0]).toMatchObject({ tenantId: school.tenantId, regionId: region.regionId, roadmapId: detail.roadmapId });
    expect(window.queries).toBe(31);
    expect(window.scanned).toBe(4);

    await asCurator(() => Roadmap.updateItem(detail.roadmapId, byNumber("1.2").itemId, { version: 1, status: "done" }));
    await asCurator(() => Roadmap.updateItem(detail.roadmapId, byNumber("1.3").itemId, { version: 1, status: "cancelled" }));
    await asCurator(() =>
      Roadmap.updateItem(detail.roadmapId, byNumber("1.4").itemId, { version: 1, occurrenceKey: "2031-Q1", status: "done" }),
    );
    const after = await asSystem(() => countReads(() => Roadmap.dueBetween(region.regionId, "2031-03-01", "2031-06-30")));
    expect(after.result.map((i) => [i.number, i.due]).sort()).toEqual([
      ["1.1", "2031-03-10"],
      ["1.4", "2031-06-30"],
      ["1.6", "2031-04-20"],
    ]);
    expect(after.scanned).toBe(3);

    // Archiving takes every item out of the due index; restoring puts them back.
    const header = await asCurator(() => Roadmap.get(detail.roadmapId));
    const archived = await asCurator(() => Roadmap.update(detail.roadmapId, { version: header.version, status: "archived" }));
    expect((await asSystem(() => Roadmap.dueBetween(region.regionId, "2031-03-01", "2031-06-30"))).length).toBe(0);
    await asCurator(() => Roadmap.update(detail.roadmapId, { version: archived.version, status: "draft" }));
    expect((await asSystem(() => Roadmap.dueBetween(region.regionId, "2031-03-01", "2031-06-30"))).length).toBe(3);
  });

  it("dueBetween is for trusted jobs only", async () => {
    await expect(asCurator(() => Roadmap.dueBetween(region.regionId, "2031-03-01", "2031-03-02"))).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("loading a roadmap is one Query whatever its size", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: nst2021, period: "2021", title: "НСТ 2021" }));
    const { queries } = await asCurator(() => countReads(() => Roadmap.get(detail.roadmapId, { today: "2021-03-01" })));
    expect(queries).toBe(1);
  });

  it("a roadmap too big for one transaction is written in chunks and appears whole", async () => {
    const rows = ["№ п/п\tНаименование мероприятий\tСрок реализации\tОтветственный исполнитель\tРезультат. Вид документа"];
    for (let s = 1; s <= 3; s++) {
      rows.push(`${s}.\tРаздел ${s}\t\t\t`);
      for (let i = 1; i <= 50; i++)
        rows.push(`${s}.${i}\tМероприятие ${s}.${i}\tДо ${String((i % 28) + 1).padStart(2, "0")}.0${s}.2032\tКуратор\tОтчёт`);
    }
    const detail = await asCurator(() => Roadmap.importTable({ text: rows.join("\n"), period: "2032", title: "Большая дорожная карта" }));
    expect(detail.status).toBe("draft");
    expect(items(detail)).toHaveLength(150);
    expect(detail.progress.total).toBe(150);
    const due = await asSystem(() => Roadmap.dueBetween(region.regionId, "2032-01-01", "2032-03-31"));
    expect(due.filter((i) => i.roadmapId === detail.roadmapId)).toHaveLength(150);
    const list = await asCurator(() => Roadmap.list());
    expect(list.find((r) => r.roadmapId === detail.roadmapId)?.status).toBe("draft");
  });

  it("a big import that fails before its last chunk shows nothing; the recovery job discards it after 15 minutes", async () => {
    // The last chunk flips the header to draft; every chunk before it is written.
    const failing = onTransactions(
      async (request) => {
        if (request.includes('"draft"')) throw new Error("сбой записи");
      },
      () => asCurator(() => Roadmap.importTable({ text: dueIn(2033, 150), period: "2033", title: "Недогруженная" })),
    );
    await expect(failing).rejects.toThrow("сбой записи");
    // The chunks before the last one are on the due index, under a header that is still `importing`.
    const half = (await RoadmapItemEntity.query.byRegionOpen({ regionId: region.regionId }).go({ pages: "all" })).data.filter((row) =>
      row.nextDue.startsWith("2033-"),
    );
    expect(half.length).toBeGreaterThan(0);
    expect(await asSystem(() => Roadmap.dueBetween(region.regionId, "2033-03-01", "2033-03-31"))).toEqual([]);
    const overdue = await asRegion(() => Roadmap.regionOverdue({ today: "2034-01-01" }));
    expect(JSON.stringify(overdue)).not.toContain(half[0]?.roadmapId);
    expect((await asCurator(() => Roadmap.list())).map((r) => r.roadmapId)).not.toContain(half[0]?.roadmapId);

    const roadmapId = half[0]!.roadmapId;
    expect(await storedOf(roadmapId)).toEqual({ status: "importing", records: 151, pending: ["import"] });
    // A fresh note may belong to an import still running: the job leaves it.
    expect(await asSystem(() => Roadmap.recoverPending())).toEqual({ imports: 0, deletions: 0, failed: 0 });
    expect((await storedOf(roadmapId)).records).toBe(151);
    expect(await recoverLater()).toEqual({ imports: 1, deletions: 0, failed: 0 });
    expect(await storedOf(roadmapId)).toEqual({ status: undefined, records: 0, pending: [] });
    expect(await indexedOf(roadmapId)).toEqual([]);
  });

  it("an import whose last chunk is full still fits one transaction (97 items: the flip, the note, audit and summary too)", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2045, 97), period: "2045", title: "Девяносто семь" }));
    expect(detail.status).toBe("draft");
    expect(items(detail)).toHaveLength(97);
    expect(await storedOf(detail.roadmapId)).toEqual({ status: "draft", records: 98, pending: [] });
  });

  it("an import that failed before pending notes existed gets one from the migration, and the job discards it", async () => {
    const roadmapId = "rmp_01STRANDEDIMPORT00000000";
    const now = new Date().toISOString();
    await RoadmapEntity.create({
      tenantId: school.tenantId,
      regionId: region.regionId,
      roadmapId,
      title: "Старая недогруженная",
      period: "2030",
      periodStart: "2030-01-01",
      periodEnd: "2030-12-31",
      status: "importing",
      itemsTotal: 0,
      itemsDone: 0,
      itemsDoneOnTime: 0,
      itemsCancelled: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }).go();
    await RoadmapSectionEntity.create({
      tenantId: school.tenantId,
      roadmapId,
      sectionId: "rms_01STRANDED0000000000000",
      title: "Раздел",
      position: "a",
      createdAt: now,
      updatedAt: now,
      version: 1,
    }).go();
    expect(await noteStrandedImports(school.tenantId)).toBe(1);
    expect(await noteStrandedImports(school.tenantId)).toBe(0);
    expect(await storedOf(roadmapId)).toEqual({ status: "importing", records: 1, pending: ["import"] });
    expect(await recoverLater()).toEqual({ imports: 1, deletions: 0, failed: 0 });
    expect(await storedOf(roadmapId)).toEqual({ status: undefined, records: 0, pending: [] });
  });

  it("archiving while an item is edited takes every item out of the due index", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2034, 3), period: "2034", title: "Архив и правка" }));
    const item = items(detail)[0] as { itemId: string; version: number };
    const edit = () => Roadmap.updateItem(detail.roadmapId, item.itemId, { version: item.version, comments: "Правка во время архивации" });
    const archived = await onTransactions(once(edit), () =>
      asCurator(() => Roadmap.update(detail.roadmapId, { version: detail.version, status: "archived" })),
    );
    expect(archived.status).toBe("archived");
    expect(items(archived)[0]).toMatchObject({ itemId: item.itemId, version: item.version + 1 });
    expect(await indexedOf(detail.roadmapId)).toEqual([]);
  });

  it("an archive that stops halfway reminds of nothing, and the next request finishes it", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2035, 3), period: "2035", title: "Архив со сбоем" }));
    const archive = () => asCurator(() => Roadmap.update(detail.roadmapId, { version: detail.version, status: "archived" }));
    const failOnItems = async (request: string) => {
      if (request.includes('"roadmapItem"')) throw new Error("сбой записи");
    };
    await expect(onTransactions(failOnItems, archive)).rejects.toThrow("сбой записи");
    // The header is archived, the items are still on the index: the readers skip them.
    expect(await indexedOf(detail.roadmapId)).toHaveLength(3);
    expect(await asSystem(() => Roadmap.dueBetween(region.regionId, "2035-03-01", "2035-03-31"))).toEqual([]);
    const overdue = await asRegion(() => Roadmap.regionOverdue({ today: "2036-01-01" }));
    expect(JSON.stringify(overdue)).not.toContain(detail.roadmapId);
    // The user retries with the version they had: stale, but the items leave the index.
    await expect(archive()).rejects.toMatchObject({ code: "record.stale_version" });
    expect(await indexedOf(detail.roadmapId)).toEqual([]);
  });

  it("un-archiving that loses to a concurrent edit of the header leaves the items out of the due index", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2036, 3), period: "2036", title: "Возврат из архива" }));
    const archived = await asCurator(() => Roadmap.update(detail.roadmapId, { version: detail.version, status: "archived" }));
    const rename = () => Roadmap.update(detail.roadmapId, { version: archived.version, title: "Переименована в архиве" });
    const restore = (version: number) => asCurator(() => Roadmap.update(detail.roadmapId, { version, status: "draft" }));
    await expect(onTransactions(once(rename), () => restore(archived.version))).rejects.toMatchObject({ code: "record.stale_version" });
    expect(await indexedOf(detail.roadmapId)).toEqual([]);
    expect((await restore(archived.version + 1)).status).toBe("draft");
    expect(await indexedOf(detail.roadmapId)).toHaveLength(3);
  });

  it("an item edit landing between an un-archive and its items' reindex is kept, and the saved change still succeeds", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2039, 3), period: "2039", title: "Возврат и правка" }));
    const archived = await asCurator(() => Roadmap.update(detail.roadmapId, { version: detail.version, status: "archived" }));
    const item = items(archived)[0] as { itemId: string; version: number };
    // The first transaction flips the header; just before the second (the items' reindex), the item is edited.
    let transactions = 0;
    const editBeforeReindex = async () => {
      if (++transactions === 2)
        await Roadmap.updateItem(detail.roadmapId, item.itemId, { version: item.version, comments: "Правка между шагами" });
    };
    const restored = await onTransactions(editBeforeReindex, () =>
      asCurator(() => Roadmap.update(detail.roadmapId, { version: archived.version, status: "draft" })),
    );
    expect(restored.status).toBe("draft");
    expect(items(restored)[0]).toMatchObject({ itemId: item.itemId, comments: "Правка между шагами" });
    expect(await indexedOf(detail.roadmapId)).toHaveLength(3);
  });

  it("deleting a roadmap loses to a concurrent edit of its header: 409, and nothing is deleted", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2037, 3), period: "2037", title: "Удаление и правка" }));
    const rename = () => Roadmap.update(detail.roadmapId, { version: detail.version, title: "Переименована" });
    const removing = onTransactions(once(rename), () => asCurator(() => Roadmap.remove(detail.roadmapId, detail.version)));
    await expect(removing).rejects.toMatchObject({ code: "record.stale_version" });
    const after = await asCurator(() => Roadmap.get(detail.roadmapId));
    expect(after.title).toBe("Переименована");
    expect(items(after)).toHaveLength(3);
  });

  it("a big roadmap's delete hides it at once; records left by a failure halfway go with the recovery job", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2038, 150), period: "2038", title: "Большая удаляемая" }));
    // Three transactions: the header turns `deleting`, then 54 records, then the last 97 with the header and the note.
    let sent = 0;
    const failThird = async () => {
      if (++sent === 3) throw new Error("сбой записи");
    };
    await onTransactions(failThird, () => asCurator(() => Roadmap.remove(detail.roadmapId, detail.version)));
    expect(sent).toBe(3);
    await expect(asCurator(() => Roadmap.get(detail.roadmapId))).rejects.toMatchObject({ code: "roadmap.not_found" });
    expect((await asCurator(() => Roadmap.list())).map((r) => r.roadmapId)).not.toContain(detail.roadmapId);
    expect(await asSystem(() => Roadmap.dueBetween(region.regionId, "2038-01-01", "2038-12-31"))).toEqual([]);
    expect(await storedOf(detail.roadmapId)).toEqual({ status: "deleting", records: 97, pending: ["delete"] });
    expect(await recoverLater()).toEqual({ imports: 0, deletions: 1, failed: 0 });
    expect(await storedOf(detail.roadmapId)).toEqual({ status: undefined, records: 0, pending: [] });
    expect(await indexedOf(detail.roadmapId)).toEqual([]);
  });

  it("a delete that stopped halfway is finished by a retry, whatever version it sends", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2040, 150), period: "2040", title: "Удаление с повтором" }));
    let sent = 0;
    const failSecond = async () => {
      if (++sent === 2) throw new Error("сбой записи");
    };
    await onTransactions(failSecond, () => asCurator(() => Roadmap.remove(detail.roadmapId, detail.version)));
    expect(await storedOf(detail.roadmapId)).toEqual({ status: "deleting", records: 151, pending: ["delete"] });
    await asCurator(() => Roadmap.remove(detail.roadmapId, detail.version));
    expect(await storedOf(detail.roadmapId)).toEqual({ status: undefined, records: 0, pending: [] });
    await expect(asCurator(() => Roadmap.remove(detail.roadmapId, detail.version))).rejects.toMatchObject({ code: "roadmap.not_found" });
  });

  it("an item or a section read before a delete and written after it turned the header `deleting` is refused (404)", async () => {
    const cases: [number, string, (roadmapId: string) => Promise<unknown>][] = [
      [2041, "roadmap.item.create", (roadmapId) => Roadmap.addItem(roadmapId, { name: "Позднее мероприятие" })],
      [2042, "roadmap.section.create", (roadmapId) => Roadmap.addSection(roadmapId, { title: "Поздний раздел" })],
    ];
    for (const [year, marker, add] of cases) {
      const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(year, 3), period: String(year), title: `Удаление ${year}` }));
      // The delete's first transaction lands between the add's read and its write; its records are not removed yet.
      const deleting = () =>
        RoadmapEntity.patch({ tenantId: school.tenantId, roadmapId: detail.roadmapId }).set({ status: "deleting" }).go();
      const adding = interleave(marker, "before", deleting, () => asCurator(() => add(detail.roadmapId)));
      await expect(adding).rejects.toMatchObject({ code: "roadmap.not_found" });
      expect(await storedOf(detail.roadmapId)).toMatchObject({ status: "deleting", records: 4 });
    }
  });

  it("a dated item or an approval read before a delete and sent after it answers 404, not an invalid summary update", async () => {
    const cases: [number, string, (detail: { roadmapId: string; version: number }) => Promise<unknown>][] = [
      [2046, "roadmap.item.create", ({ roadmapId }) => Roadmap.addItem(roadmapId, { name: "Позднее", deadlineText: "До 10.03.2046" })],
      [2047, "roadmap.approved", ({ roadmapId, version }) => Roadmap.update(roadmapId, { version, status: "approved" })],
    ];
    for (const [year, marker, write] of cases) {
      const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(year, 3), period: String(year), title: `Гонка ${year}` }));
      // The delete removes the roadmap's entry from the summary; the write's summary change then has nothing to update.
      const remove = () => Roadmap.remove(detail.roadmapId, detail.version);
      await expect(interleave(marker, "before", remove, () => asCurator(() => write(detail)))).rejects.toMatchObject({
        code: "roadmap.not_found",
      });
      expect(await storedOf(detail.roadmapId)).toEqual({ status: undefined, records: 0, pending: [] });
    }
  });

  it("a section cannot be added to, changed in or removed from an archived roadmap, even if it was read before the archive", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2043, 3), period: "2043", title: "Архив и разделы" }));
    const section = detail.sections[0]!;
    const archive = () => Roadmap.update(detail.roadmapId, { version: detail.version, status: "archived" });
    const rename = interleave("roadmap.section.update", "before", archive, () =>
      asCurator(() => Roadmap.updateSection(detail.roadmapId, section.sectionId, { version: section.version, title: "Новое имя" })),
    );
    await expect(rename).rejects.toMatchObject({ code: "roadmap.archived" });
    const after = await asCurator(() => Roadmap.get(detail.roadmapId));
    expect(after.sections[0]).toMatchObject({ title: section.title, version: section.version });
  });

  it("a status change reads the roadmap once, or twice when its items follow", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: dueIn(2044, 3), period: "2044", title: "Чтения при смене статуса" }));
    const renamed = await asCurator(() =>
      countReads(() => Roadmap.update(detail.roadmapId, { version: detail.version, title: "Новое имя" })),
    );
    expect(renamed.queries).toBe(1);
    expect(renamed.result).toMatchObject({ title: "Новое имя", version: detail.version + 1, status: "draft" });
    expect(items(renamed.result)).toHaveLength(3);
    const archived = await asCurator(() =>
      countReads(() => Roadmap.update(detail.roadmapId, { version: detail.version + 1, status: "archived" })),
    );
    expect(archived.queries).toBe(2);
    expect(archived.result).toMatchObject({ status: "archived", version: detail.version + 2 });
    expect(await indexedOf(detail.roadmapId)).toEqual([]);
    const removed = await asCurator(() =>
      Roadmap.update(detail.roadmapId, { version: detail.version + 2, status: "draft", approvalAct: "" }),
    );
    expect(removed).toMatchObject({ status: "draft", approvalAct: undefined });
  });

  it("editing a deadline keeps the statuses of occurrences that stay and re-derives the rest", async () => {
    const detail = await asCurator(() => Roadmap.importTable({ text: nst2021, period: "2021", title: "НСТ 2021 (сроки)" }));
    const quarterly = items(detail).find((i) => i.number === "3.1") as { itemId: string };
    await asCurator(() => Roadmap.updateItem(detail.roadmapId, quarterly.itemId, { version: 1, occurrenceKey: "2021-Q1", status: "done" }));
    const edited = await asCurator(() =>
      Roadmap.updateItem(detail.roadmapId, quarterly.itemId, { version: 2, deadlineText: "1 раз в квартал" }, { today: "2021-05-01" }),
    );
    expect(edited.occurrences.map((o) => o.status)).toEqual(["done", "planned", "planned", "planned"]);
    const unknown = await asCurator(() =>
      Roadmap.updateItem(detail.roadmapId, quarterly.itemId, { version: 3, deadlineText: "когда получится" }),
    );
    expect(unknown).toMatchObject({ deadlineText: "когда получится", deadlineKind: "no_date", nextDue: undefined });
    expect(unknown.deadlineWarning).toMatch(/Не удалось распознать срок/);
  });

  it("linked executors must belong to the institution", async () => {
    const detail = await asCurator(() => Roadmap.create({ title: "Пустая", period: "2026/27" }));
    const own = await asCurator(() => Roadmap.addItem(detail.roadmapId, { name: "Встреча", executorUserIds: [users.staff.userId] }));
    expect(own.executorUserIds).toEqual([users.staff.userId]);
    await expect(
      asCurator(() => Roadmap.addItem(detail.roadmapId, { name: "Чужой", executorUserIds: [users.region_admin.userId] })),
    ).rejects.toMatchObject({ code: "roadmap.executor_unknown" });
    expect(college.tenantId).not.toBe(school.tenantId);
  });

  it("seeds the demo roadmap: the default template, approved, two items done on time, one in progress", async () => {
    // 2025/26: this school has a roadmap of 2026/27 already (above), and a second one from the template is refused.
    const roadmapId = await seedDemoRoadmap(school.tenantId, "2025/26");
    const detail = await asCurator(() => Roadmap.get(roadmapId, { today: "2025-09-15" }));
    expect(detail).toMatchObject({ status: "approved", period: "2025/26 учебный год", approvedBy: "Директор" });
    expect(detail.progress).toMatchObject({ total: 19, done: 2, doneOnTime: 2 });
    expect(items(detail).filter((i) => (i as { status?: string }).status === "in_progress")).toHaveLength(1);
  });
});
