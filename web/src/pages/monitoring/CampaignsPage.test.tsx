// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
import { todayIso } from "../../lib/format";
import { renderPage, signedInAs } from "../../test-signed-in";
import {
  STALE_VERSION_MESSAGE,
  fakeApi,
  fieldErrorOf,
  invalidFieldsAnswer,
  isIsoDate,
  staleVersionAnswer,
  summaryOf,
  validating,
  writes,
} from "../../test-support";
import CampaignsPage from "./CampaignsPage";
import type { Campaign, Indicator } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const mentors: Indicator = {
  code: "mentors",
  label: "Наставников в базе",
  kind: "number",
  required: true,
  source: { metric: "participants", role: "mentor" },
  unit: "чел.",
};
const meetings: Indicator = { code: "custom_1", label: "Проведено встреч с родителями", kind: "number", required: true, unit: "ед." };
const trainings: Indicator = { code: "custom_2", label: "Проведено обучений наставников", kind: "number", required: false };

const draft: Campaign = {
  campaignId: "cmp_1",
  kind: "monitoring",
  name: "Мониторинг ЦМН, I полугодие 2026/27",
  periodStart: "2026-09-01",
  periodEnd: "2026-12-31",
  deadline: "2026-12-20",
  indicators: [mentors, meetings, trainings],
  status: "draft",
  institutionsCount: 0,
  createdAt: "2026-08-20T09:00:00.000Z",
  updatedAt: "2026-08-21T09:00:00.000Z",
  version: 3,
};
const sent: Campaign = {
  ...draft,
  campaignId: "cmp_0",
  name: "Мониторинг ЦМН, II полугодие 2025/26",
  periodStart: "2026-01-09",
  periodEnd: "2026-05-31",
  deadline: "2026-05-20",
  status: "published",
  institutionsCount: 12,
  publishedAt: "2026-01-12T09:00:00.000Z",
};
const table = {
  rows: [{ code: "total", label: "Всего участников" }],
  columns: [
    { code: "mentors", label: "Наставники", role: "mentor" as const },
    { code: "all", label: "Всего" },
  ],
};
const federal: Campaign = {
  ...draft,
  campaignId: "cmp_2",
  kind: "federal_count",
  name: "Численность участников за 2026 год",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  deadline: "2026-12-30",
  indicators: [{ code: "total.mentors", label: "Всего участников — Наставники", kind: "number", required: true, unit: "чел." }],
  table,
  version: 1,
};

const conflict = (code: string, message: string, details: object = {}) => ({ status: 409, body: { error: { code, message, details } } });

function open(campaigns: Campaign[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "region_admin") {
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/monitoring/campaigns": () => ({ status: 200, body: { items: campaigns } }),
    "GET /api/monitoring/campaign-defaults": (_body, url) => {
      const year = url.searchParams.get("periodStart")?.slice(0, 4);
      return url.searchParams.get("kind") === "federal_count"
        ? { status: 200, body: { kind: "federal_count", periodEnd: `${year}-12-31`, deadline: `${year}-12-30`, table } }
        : { status: 200, body: { kind: "monitoring", periodEnd: "2026-12-20", deadline: "2026-12-20", indicators: [mentors] } };
    },
    ...routes,
  });
  renderPage(<CampaignsPage />, { path: "/region/monitoring" });
  return calls;
}

const puts = (calls: ReturnType<typeof fakeApi>) => calls.filter((call) => call.method === "PUT");
const listLoads = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.method === "GET" && call.path === "/api/monitoring/campaigns").length;

async function editDialog(name: string) {
  fireEvent.click(await screen.findByRole("button", { name: `Изменить черновик «${name}»` }));
  return screen.findByRole("dialog", { name: "Изменить черновик кампании" });
}

const field = (dialog: HTMLElement, label: RegExp) => within(dialog).getByLabelText(label) as HTMLInputElement;

/** The API's validation of a campaign, as far as these tests need it: every field it finds wrong at once. */
const validCampaign = validating((sent) => [
  ...(sent.name ? [] : [{ path: "name", message: "Заполните поле «Название»" }]),
  ...(["periodStart", "periodEnd", "deadline"] as const).flatMap((path) =>
    sent[path] === undefined || isIsoDate(sent[path]) ? [] : [{ path, message: "Укажите существующую дату в формате ДД.ММ.ГГГГ" }],
  ),
]);

describe("the region's campaigns", () => {
  it("offers «Изменить» on drafts only, and only to the region admin", async () => {
    open([draft, sent]);
    await screen.findByRole("row", { name: /^Мониторинг ЦМН, II полугодие 2025\/26/ });
    expect(screen.getAllByRole("button", { name: /^Изменить/ }).map((button) => button.textContent)).toEqual([
      "Изменить черновик «Мониторинг ЦМН, I полугодие 2026/27»",
    ]);
    cleanup();

    open([draft, sent], {}, "region_viewer");
    await screen.findByRole("row", { name: /^Мониторинг ЦМН, I полугодие 2026\/27/ });
    expect(screen.queryByRole("button", { name: /^Изменить/ })).toBeNull();
  });

  it("edits a draft monitoring campaign: the form starts from it and the change is sent with its version", async () => {
    const calls = open([draft, sent], {
      "PUT /api/monitoring/campaigns/cmp_1": (body) => ({ status: 200, body: { ...draft, ...(body as object), version: 4 } }),
    });
    const dialog = await editDialog(draft.name);
    expect(field(dialog, /^Название/).value).toBe(draft.name);
    expect(field(dialog, /^Начало периода/).value).toBe("01.09.2026");
    expect(field(dialog, /^Конец периода/).value).toBe("31.12.2026");
    expect(field(dialog, /^Срок сдачи/).value).toBe("20.12.2026");
    expect(within(dialog).getByRole("group", { name: "Показатели (3 показателя)" })).toBeTruthy();

    fireEvent.change(field(dialog, /^Название/), { target: { value: "Мониторинг ЦМН, I полугодие 2026/27 (уточнённый)" } });
    fireEvent.change(field(dialog, /^Срок сдачи/), { target: { value: "18.12.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Убрать показатель «Проведено встреч с родителями»" }));
    fireEvent.change(field(dialog, /^Наименование показателя/), { target: { value: "Доля наставников, прошедших обучение" } });
    fireEvent.change(field(dialog, /^Тип/), { target: { value: "percent" } });
    fireEvent.change(field(dialog, /^Единица измерения/), { target: { value: "%" } });
    fireEvent.change(field(dialog, /^Подсказка для организаций/), { target: { value: "Обучение за период кампании" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить показатель" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText("Черновик «Мониторинг ЦМН, I полугодие 2026/27 (уточнённый)» сохранён");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(puts(calls).map((call) => [call.path, call.body])).toEqual([
      [
        "/api/monitoring/campaigns/cmp_1",
        {
          kind: "monitoring",
          name: "Мониторинг ЦМН, I полугодие 2026/27 (уточнённый)",
          periodStart: "2026-09-01",
          periodEnd: "2026-12-31",
          deadline: "2026-12-18",
          indicators: [
            mentors,
            trainings,
            {
              code: "custom_1",
              label: "Доля наставников, прошедших обучение",
              kind: "percent",
              required: true,
              unit: "%",
              hint: "Обучение за период кампании",
            },
          ],
          version: 3,
        },
      ],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("on a stale version shows the message and the current draft, and saves on top of it", async () => {
    const current = { ...draft, name: "Мониторинг ЦМН 2026/27, первое полугодие", deadline: "2026-12-15", version: 4 };
    let saves = 0;
    const calls = open([draft], {
      "PUT /api/monitoring/campaigns/cmp_1": (body) =>
        ++saves === 1 ? staleVersionAnswer(current) : { status: 200, body: { ...current, ...(body as object), version: 5 } },
    });
    const dialog = await editDialog(draft.name);
    fireEvent.change(field(dialog, /^Конец периода/), { target: { value: "25.12.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальный черновик. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Название/).value).toBe("Мониторинг ЦМН 2026/27, первое полугодие");
    expect(field(dialog, /^Срок сдачи/).value).toBe("15.12.2026");
    await waitFor(() => expect(listLoads(calls)).toBe(2));

    fireEvent.change(field(dialog, /^Конец периода/), { target: { value: "25.12.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText("Черновик «Мониторинг ЦМН 2026/27, первое полугодие» сохранён");
    expect(puts(calls).map((call) => call.body)).toMatchObject([
      { name: draft.name, periodEnd: "2026-12-25", version: 3 },
      { name: "Мониторинг ЦМН 2026/27, первое полугодие", deadline: "2026-12-15", periodEnd: "2026-12-25", version: 4 },
    ]);
  });

  it("says so when the campaign was sent out meanwhile, and reloads the list", async () => {
    const message = "Кампания уже разослана организациям: изменить её нельзя";
    const calls = open([draft], { "PUT /api/monitoring/campaigns/cmp_1": () => conflict("monitoring.campaign_published", message) });
    const dialog = await editDialog(draft.name);
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(message);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Отмена" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("edits a federal count: it keeps its table, and the server's field errors are shown at their fields", async () => {
    let saves = 0;
    const calls = open([federal], {
      "PUT /api/monitoring/campaigns/cmp_2": (body) =>
        ++saves === 1
          ? invalidFieldsAnswer([{ path: "periodEnd", message: "Конец периода не может быть раньше начала" }])
          : { status: 200, body: { ...federal, ...(body as object), version: 2 } },
    });
    const dialog = await editDialog(federal.name);
    expect(within(dialog).getByText(/^Таблица: 1 строка/)).toBeTruthy();
    expect(within(dialog).queryByRole("group", { name: /^Показатели/ })).toBeNull();

    fireEvent.change(field(dialog, /^Конец периода/), { target: { value: "31.12.2025" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await within(dialog).findByRole("alert");
    expect(field(dialog, /^Конец периода/).getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getAllByText("Конец периода не может быть раньше начала").length).toBeGreaterThan(0);

    fireEvent.change(field(dialog, /^Конец периода/), { target: { value: "31.12.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText("Черновик «Численность участников за 2026 год» сохранён");
    expect(puts(calls)[1]?.body).toEqual({
      kind: "federal_count",
      name: "Численность участников за 2026 год",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      deadline: "2026-12-30",
      table,
      version: 1,
    });
  });

  it("a new campaign shows every field's problem at once, the dates that do not exist with the server's, and saves nothing", async () => {
    const calls = open([], { "POST /api/monitoring/campaigns": validCampaign });
    const builder = await screen.findByRole("region", { name: "Новая кампания" });
    await waitFor(() => expect(field(builder, /^Срок сдачи/).value).toBe("20.12.2026"));
    fireEvent.change(field(builder, /^Конец периода/), { target: { value: "31.11.2026" } });
    fireEvent.change(field(builder, /^Срок сдачи/), { target: { value: "32.12.2026" } });
    fireEvent.click(within(builder).getByRole("button", { name: "Создать черновик" }));
    const endMessage = "Конец периода: укажите существующую дату в формате ДД.ММ.ГГГГ";
    const deadlineMessage = "Срок сдачи: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(builder)).toEqual(["Заполните поле «Название»", endMessage, deadlineMessage]));
    expect(fieldErrorOf(builder, /^Название/)).toBe("Заполните поле «Название»");
    expect(fieldErrorOf(builder, /^Конец периода/)).toBe(endMessage);
    expect(fieldErrorOf(builder, /^Срок сдачи/)).toBe(deadlineMessage);
    expect(calls.filter((call) => call.path === "/api/monitoring/campaigns" && call.method === "POST")).toMatchObject([
      { validateOnly: true, body: { name: "", periodEnd: "31.11.2026", deadline: "32.12.2026" } },
    ]);
    expect(writes(calls)).toEqual([]);
  });

  it("a draft's edit shows every field's problem at once, and saves nothing", async () => {
    const calls = open([draft], { "PUT /api/monitoring/campaigns/cmp_1": validCampaign });
    const dialog = await editDialog(draft.name);
    fireEvent.change(field(dialog, /^Название/), { target: { value: "" } });
    fireEvent.change(field(dialog, /^Начало периода/), { target: { value: "30.02.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    const startMessage = "Начало периода: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual(["Заполните поле «Название»", startMessage]));
    expect(fieldErrorOf(dialog, /^Название/)).toBe("Заполните поле «Название»");
    expect(fieldErrorOf(dialog, /^Начало периода/)).toBe(startMessage);
    expect(puts(calls)).toMatchObject([{ validateOnly: true, body: { version: 3 } }]);
    expect(writes(calls)).toEqual([]);
  });

  it("a new campaign's own indicator carries the unit and the hint for the institutions", async () => {
    const calls = open([], {
      "POST /api/monitoring/campaigns": (body) => ({
        status: 201,
        body: { ...draft, ...(body as object), campaignId: "cmp_3", version: 1 },
      }),
    });
    const builder = await screen.findByRole("region", { name: "Новая кампания" });
    await waitFor(() => expect(field(builder, /^Срок сдачи/).value).toBe("20.12.2026"));
    fireEvent.change(field(builder, /^Название/), { target: { value: "Мониторинг ЦМН, I полугодие 2026/27" } });
    fireEvent.change(field(builder, /^Конец периода/), { target: { value: "31.12.2026" } });

    fireEvent.change(field(builder, /^Наименование показателя/), { target: { value: "Проведено встреч с родителями" } });
    fireEvent.change(field(builder, /^Тип/), { target: { value: "text" } });
    expect(within(builder).queryByLabelText(/^Единица измерения/)).toBeNull();
    fireEvent.change(field(builder, /^Тип/), { target: { value: "number" } });
    fireEvent.change(field(builder, /^Наибольшее значение/), { target: { value: "50" } });
    fireEvent.change(field(builder, /^Единица измерения/), { target: { value: "ед." } });
    fireEvent.change(field(builder, /^Подсказка для организаций/), { target: { value: "Считайте только очные встречи" } });
    fireEvent.click(within(builder).getByRole("button", { name: "Добавить показатель" }));
    expect(within(builder).getByText(/подсказка: «Считайте только очные встречи»/)).toBeTruthy();
    expect(field(builder, /^Единица измерения/).value).toBe("");
    expect(field(builder, /^Подсказка для организаций/).value).toBe("");
    fireEvent.click(within(builder).getByRole("button", { name: "Создать черновик" }));

    await screen.findByText(/^Черновик «Мониторинг ЦМН, I полугодие 2026\/27» сохранён/);
    const post = calls.find((call) => call.method === "POST" && call.path === "/api/monitoring/campaigns");
    expect(post?.body).toEqual({
      kind: "monitoring",
      name: "Мониторинг ЦМН, I полугодие 2026/27",
      periodStart: expect.stringMatching(/^\d{4}-(09-01|01-09)$/),
      periodEnd: "2026-12-31",
      deadline: "2026-12-20",
      indicators: [
        mentors,
        {
          code: "custom_1",
          label: "Проведено встреч с родителями",
          kind: "number",
          required: true,
          max: 50,
          unit: "ед.",
          hint: "Считайте только очные встречи",
        },
      ],
    });
  });

  it("starts a new campaign's period where its kind reports: the half-year for monitoring, the calendar year for the federal count", async () => {
    open([]);
    const builder = await screen.findByRole("region", { name: "Новая кампания" });
    await waitFor(() => expect(field(builder, /^Конец периода/).value).toBe("20.12.2026"));
    expect(field(builder, /^Начало периода/).value).toMatch(/^(01\.09|09\.01)\.\d{4}$/);

    fireEvent.change(field(builder, /^Вид кампании/), { target: { value: "federal_count" } });
    const year = todayIso().slice(0, 4);
    expect(field(builder, /^Начало периода/).value).toBe(`01.01.${year}`);
    await waitFor(() => expect(field(builder, /^Конец периода/).value).toBe(`31.12.${year}`));
    // The federal count's defaults answer for the year the period starts in.
    expect(field(builder, /^Срок сдачи/).value).toBe(`30.12.${year}`);
  });

  it("publishes a draft only once the region admin confirms, saying how many institutions get it", async () => {
    const calls = open([draft, sent], {
      "GET /api/institutions": () => ({ status: 200, body: { items: [{ tenantId: "org_1" }, { tenantId: "org_2" }] } }),
      "POST /api/monitoring/campaigns/cmp_1/publish": () => ({
        status: 200,
        body: { ...draft, status: "published", institutionsCount: 2 },
      }),
    });
    const publishes = () => calls.filter((call) => call.method === "POST" && call.path.endsWith("/publish"));
    fireEvent.click(await screen.findByRole("button", { name: "Разослать организациям" }));
    let dialog = await screen.findByRole("dialog", { name: "Разослать кампанию организациям?" });
    await within(dialog).findByText(/всем работающим организациям региона \(2 организации\)\. После рассылки её нельзя изменить/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Отмена" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(publishes()).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Разослать организациям" }));
    dialog = await screen.findByRole("dialog", { name: "Разослать кампанию организациям?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Разослать" }));
    await screen.findByText(`Кампания «${draft.name}» разослана: 2 организации`);
    expect(publishes()).toHaveLength(1);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
