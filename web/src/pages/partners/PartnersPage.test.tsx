// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../api/types";
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
import PartnersPage from "./PartnersPage";
import type { Partner } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const factory: Partner = {
  partnerId: "ptn_1",
  name: "АО «Завод Прогресс»",
  kind: "employer",
  inList: true,
  providesCurator: true,
  contracts: [
    { kind: "agreement", number: "15", date: "2025-09-01", validUntil: "2099-08-31" },
    { kind: "dual", date: "2025-10-01" },
    { kind: "practice", number: "7-П", date: "2024-02-01", validUntil: "2024-12-31" },
  ],
  note: "Контакт: отдел кадров.\nЗвонить до 15:00.",
  mentors: 4,
  createdAt: "2025-09-01T09:00:00.000Z",
  updatedAt: "2025-10-01T09:00:00.000Z",
  version: 3,
};
const college: Partner = {
  partnerId: "ptn_2",
  name: "Колледж связи",
  kind: "college",
  inList: false,
  providesCurator: false,
  contracts: [],
  mentors: 0,
  createdAt: "2025-09-01T09:00:00.000Z",
  updatedAt: "2025-09-01T09:00:00.000Z",
  version: 1,
};
const all = [factory, college];

/** What a saved organisation looks like in the answer (without the list's count). */
const saved = (body: unknown, base: Partner, version: number) => {
  const { mentors: _mentors, ...info } = base;
  return { ...info, ...(body as object), version };
};

function open(partners: Partner[], routes: Parameters<typeof fakeApi>[0] = {}, role: Role = "curator") {
  const calls = fakeApi({
    ...signedInAs(role),
    "GET /api/partners": () => ({ status: 200, body: { items: partners } }),
    ...routes,
  });
  renderPage(<PartnersPage />, { path: "/partners" });
  return calls;
}

/** The calls that change the list (the sign-in's and the list's are left out). */
const partnerCalls = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.path.startsWith("/api/partners") && call.method !== "GET").map((call) => [call.method, call.path, call.body]);
const listLoads = (calls: ReturnType<typeof fakeApi>) =>
  calls.filter((call) => call.method === "GET" && call.path === "/api/partners").length;
const field = (scope: HTMLElement, label: RegExp) => within(scope).getByLabelText(label) as HTMLInputElement;
const contract = (dialog: HTMLElement, n: number) => within(dialog).getByRole("group", { name: `Договор ${n}` });
const row = (name: string) => screen.findByRole("row", { name: (text) => text.includes(name) });
const cells = (tableRow: HTMLElement) =>
  within(tableRow)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

async function buttonIn(name: string, action: string) {
  return within(await row(name)).getByRole("button", { name: `${action} организацию «${name}»` });
}

describe("the institution's partner organisations", () => {
  it("lists each organisation with its kind, list and curator marks, its contracts by kind, its mentors and note, and counts them", async () => {
    open(all);
    const first = await row(factory.name);
    expect(within(first).getByRole("rowheader", { name: factory.name })).toBeTruthy();
    expect(cells(first)).toEqual([
      "Предприятие, работодатель",
      "Да",
      "Назначен",
      "№ 15 от 01.09.2025Действует до 31.08.2099",
      "От 01.10.2025",
      "№ 7-П от 01.02.2024Срок истёк 31.12.2024",
      "—",
      "4",
      "Контакт: отдел кадров.\nЗвонить до 15:00.",
      expect.stringContaining("Изменить"),
    ]);
    expect(cells(await row(college.name))).toEqual([
      "Колледж, техникум",
      "Нет",
      "Нет",
      "—",
      "—",
      "—",
      "—",
      "0",
      "—",
      expect.stringContaining("Изменить"),
    ]);

    expect(screen.getByText("2 организации, 3 договора")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Организации-партнёры и договоры с ними" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual([
      "Организация",
      "Тип",
      "В перечне партнёрских организаций",
      "Куратор от организации",
      "Соглашения о внедрении ЦМН",
      "Договоры о дуальном обучении",
      "Договоры о практике",
      "Договоры о сотрудничестве",
      "Наставников в программах",
      "Примечание",
      "Действия",
    ]);
    // The count is explained: it comes from the registry's field, it is not typed here.
    const mentors = within(table).getByRole("columnheader", { name: "Наставников в программах" });
    expect(document.getElementById(mentors.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /наставники из базы участников, у которых в поле «Организация-партнёр» указано название организации/,
    );
  });

  it("counts one organisation and its contracts in the right forms", async () => {
    open([{ ...college, contracts: [factory.contracts[1]!] }]);
    expect(await screen.findByText("1 организация, 1 договор")).toBeTruthy();
    cleanup();
    open([{ ...factory, contracts: [...factory.contracts, ...factory.contracts] }, college]);
    expect(await screen.findByText("2 организации, 6 договоров")).toBeTruthy();
  });

  it("lets the curator and staff add, change and delete organisations; a viewer changes nothing", async () => {
    const names = (action: string) => screen.queryAllByRole("button", { name: new RegExp(`^${action}`) }).map((b) => b.textContent);
    for (const role of ["curator", "staff"] as const) {
      open(all, {}, role);
      await row(college.name);
      expect(screen.getByRole("button", { name: "Добавить организацию" })).toBeTruthy();
      for (const action of ["Изменить", "Удалить"]) expect(names(action)).toEqual(all.map((p) => `${action} организацию «${p.name}»`));
      cleanup();
    }

    open(all, {}, "institution_viewer");
    await row(college.name);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Действия" })).toBeNull();
  });

  it("explains while there are none that the mentors are counted from the registry", async () => {
    open([]);
    await screen.findByText("Организаций-партнёров пока нет");
    expect(screen.getByText(/посчитается само — по полю «Организация-партнёр» в базе участников/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("adds an organisation with its contracts; the server's messages are shown at the contract's field and at the name", async () => {
    let saves = 0;
    const calls = open([], {
      "POST /api/partners": (body) => {
        saves += 1;
        if (saves === 1)
          return invalidFieldsAnswer([
            { path: "contracts.0.validUntil", message: "Срок действия договора не может закончиться раньше его заключения" },
          ]);
        if (saves === 2)
          return {
            status: 409,
            body: { error: { code: "partner.duplicate", message: "Организация «Завод Прогресс» уже есть в списке партнёров" } },
          };
        return { status: 201, body: saved(body, factory, 1) };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить организацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая организация-партнёр" });
    expect(field(dialog, /^Название организации/).required).toBe(true);
    expect(
      within(field(dialog, /^Тип организации/))
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Выберите тип",
      "Предприятие, работодатель",
      "НКО",
      "Школа",
      "Колледж, техникум",
      "Вуз",
      "Учреждение культуры",
      "Спортивная организация",
      "Организация ДПО",
      "Другая организация",
    ]);
    expect(field(dialog, /^Включена в перечень партнёрских организаций/).checked).toBe(false);
    expect(field(dialog, /^Назначила куратора/).checked).toBe(false);
    expect(within(dialog).queryByRole("group", { name: "Договор 1" })).toBeNull();

    fireEvent.change(field(dialog, /^Название организации/), { target: { value: "  Завод Прогресс " } });
    fireEvent.change(field(dialog, /^Тип организации/), { target: { value: "employer" } });
    fireEvent.click(field(dialog, /^Включена в перечень партнёрских организаций/));

    // Two contracts added (the focus goes to each one's first field), the first removed: the second takes its place.
    const add = within(dialog).getByRole("button", { name: "Добавить договор" });
    fireEvent.click(add);
    await waitFor(() => expect(document.activeElement).toBe(field(contract(dialog, 1), /^Вид договора/)));
    fireEvent.change(field(contract(dialog, 1), /^Номер/), { target: { value: "удаляемый" } });
    fireEvent.click(add);
    await waitFor(() => expect(document.activeElement).toBe(field(contract(dialog, 2), /^Вид договора/)));
    expect(
      within(field(contract(dialog, 2), /^Вид договора/))
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Выберите вид договора",
      "Соглашение о внедрении целевой модели наставничества",
      "Договор о дуальном обучении",
      "Договор о совместной реализации программ учебной и производственной практики",
      "Договор о сотрудничестве, социальном партнёрстве",
    ]);
    fireEvent.change(field(contract(dialog, 2), /^Вид договора/), { target: { value: "agreement" } });
    fireEvent.change(field(contract(dialog, 2), /^Номер/), { target: { value: " 15 " } });
    fireEvent.change(field(contract(dialog, 2), /^Дата заключения/), { target: { value: "01.09.2025" } });
    fireEvent.change(field(contract(dialog, 2), /^Действует до/), { target: { value: "31.08.2025" } });
    fireEvent.click(within(contract(dialog, 1)).getByRole("button", { name: "Удалить договор 1" }));
    await waitFor(() => expect(within(dialog).queryByRole("group", { name: "Договор 2" })).toBeNull());
    expect(field(contract(dialog, 1), /^Номер/).value).toBe(" 15 ");
    await waitFor(() => expect(document.activeElement).toBe(field(contract(dialog, 1), /^Вид договора/)));

    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить организацию" }));
    const message = "Срок действия договора не может закончиться раньше его заключения";
    await waitFor(() => expect(field(contract(dialog, 1), /^Действует до/).getAttribute("aria-invalid")).toBe("true"));
    expect(within(contract(dialog, 1)).getByText(message)).toBeTruthy();
    expect(within(within(dialog).getByRole("alert")).getByText(message)).toBeTruthy();
    expect(field(contract(dialog, 1), /^Дата заключения/).getAttribute("aria-invalid")).toBeNull();

    fireEvent.change(field(contract(dialog, 1), /^Действует до/), { target: { value: "31.08.2028" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить организацию" }));
    await waitFor(() => expect(field(dialog, /^Название организации/).getAttribute("aria-invalid")).toBe("true"));
    expect(within(dialog).getAllByText("Организация «Завод Прогресс» уже есть в списке партнёров")).toHaveLength(2);

    fireEvent.change(field(dialog, /^Название организации/), { target: { value: "Завод Прогресс, филиал" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить организацию" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const body = (name: string, validUntil: string) => ({
      name,
      kind: "employer",
      inList: true,
      providesCurator: false,
      contracts: [{ kind: "agreement", number: "15", date: "2025-09-01", validUntil }],
    });
    expect(partnerCalls(calls)).toEqual([
      ["POST", "/api/partners", body("Завод Прогресс", "2025-08-31")],
      ["POST", "/api/partners", body("Завод Прогресс", "2028-08-31")],
      ["POST", "/api/partners", body("Завод Прогресс, филиал", "2028-08-31")],
    ]);
    expect(screen.getByText("Организация «Завод Прогресс, филиал» добавлена")).toBeTruthy();
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("sends a contract left without kind or date as it is, for the server's messages at its fields", async () => {
    const calls = open([], {
      "POST /api/partners": () =>
        invalidFieldsAnswer([
          { path: "contracts.0.kind", message: "Выберите вид договора" },
          { path: "contracts.0.date", message: "Заполните поле «Дата заключения»" },
        ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить организацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая организация-партнёр" });
    fireEvent.change(field(dialog, /^Название организации/), { target: { value: "НКО «Старшие»" } });
    fireEvent.change(field(dialog, /^Тип организации/), { target: { value: "nko" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить договор" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить организацию" }));

    await waitFor(() => expect(field(contract(dialog, 1), /^Вид договора/).getAttribute("aria-invalid")).toBe("true"));
    expect(field(contract(dialog, 1), /^Дата заключения/).getAttribute("aria-invalid")).toBe("true");
    expect(within(contract(dialog, 1)).getByText("Заполните поле «Дата заключения»")).toBeTruthy();
    expect(partnerCalls(calls)).toEqual([
      [
        "POST",
        "/api/partners",
        { name: "НКО «Старшие»", kind: "nko", inList: false, providesCurator: false, contracts: [{ kind: "", date: "" }] },
      ],
    ]);
  });

  it("shows every field's problem at once, a contract's date that does not exist with the server's messages, and saves nothing", async () => {
    const calls = open([], {
      "POST /api/partners": validating((sent) => {
        const contracts = sent.contracts as { kind: string; date: string }[];
        return [
          ...(sent.name ? [] : [{ path: "name", message: "Заполните поле «Название организации»" }]),
          ...(sent.kind ? [] : [{ path: "kind", message: "Выберите тип организации" }]),
          ...contracts.flatMap((contract, i) => [
            ...(contract.kind ? [] : [{ path: `contracts.${i}.kind`, message: "Выберите вид договора" }]),
            ...(isIsoDate(contract.date)
              ? []
              : [{ path: `contracts.${i}.date`, message: "Поле «Дата заключения»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
          ]),
        ];
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Добавить организацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая организация-партнёр" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить договор" }));
    fireEvent.change(field(contract(dialog, 1), /^Дата заключения/), { target: { value: "31.02.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить организацию" }));
    const dateMessage = "Договор 1: дата заключения: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() =>
      expect(summaryOf(dialog)).toEqual([
        "Заполните поле «Название организации»",
        "Выберите тип организации",
        "Выберите вид договора",
        dateMessage,
      ]),
    );
    expect(fieldErrorOf(dialog, /^Название организации/)).toBe("Заполните поле «Название организации»");
    expect(fieldErrorOf(dialog, /^Тип организации/)).toBe("Выберите тип организации");
    expect(fieldErrorOf(contract(dialog, 1), /^Вид договора/)).toBe("Выберите вид договора");
    expect(fieldErrorOf(contract(dialog, 1), /^Дата заключения/)).toBe(dateMessage);
    expect(calls.filter((call) => call.path === "/api/partners" && call.method === "POST")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });

  it("offers at most 20 contracts", async () => {
    open([]);
    fireEvent.click(await screen.findByRole("button", { name: "Добавить организацию" }));
    const dialog = await screen.findByRole("dialog", { name: "Новая организация-партнёр" });
    for (let n = 1; n <= 20; n++) fireEvent.click(within(dialog).getByRole("button", { name: "Добавить договор" }));
    expect(within(dialog).getByRole("group", { name: "Договор 20" })).toBeTruthy();
    expect(within(dialog).queryByRole("button", { name: "Добавить договор" })).toBeNull();
    expect(within(dialog).getByText("У одной организации — не больше 20 договоров.")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить договор 20" }));
    expect(within(dialog).getByRole("button", { name: "Добавить договор" })).toBeTruthy();
  });

  it("edits an organisation: the form starts from it and its contracts, and the whole record goes with the version", async () => {
    const calls = open(all, {
      "PUT /api/partners/ptn_1": (body) => ({ status: 200, body: saved(body, factory, 4) }),
    });
    fireEvent.click(await buttonIn(factory.name, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить организацию-партнёра" });
    expect(field(dialog, /^Название организации/).value).toBe(factory.name);
    expect(field(dialog, /^Тип организации/).value).toBe("employer");
    expect(field(dialog, /^Включена в перечень/).checked).toBe(true);
    expect(field(dialog, /^Назначила куратора/).checked).toBe(true);
    expect(field(dialog, /^Примечание/).value).toBe(factory.note);
    expect([1, 2, 3].map((n) => field(contract(dialog, n), /^Вид договора/).value)).toEqual(["agreement", "dual", "practice"]);
    expect(field(contract(dialog, 1), /^Номер/).value).toBe("15");
    expect(field(contract(dialog, 1), /^Дата заключения/).value).toBe("01.09.2025");
    expect(field(contract(dialog, 1), /^Действует до/).value).toBe("31.08.2099");
    expect(field(contract(dialog, 2), /^Действует до/).value).toBe("");

    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить договор 3" }));
    fireEvent.change(field(contract(dialog, 2), /^Номер/), { target: { value: "Д-1" } });
    fireEvent.click(field(dialog, /^Назначила куратора/));
    fireEvent.change(field(dialog, /^Примечание/), { target: { value: " " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    await screen.findByText(`Организация «${factory.name}» сохранена`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(partnerCalls(calls)).toEqual([
      [
        "PUT",
        "/api/partners/ptn_1",
        {
          name: factory.name,
          kind: "employer",
          inList: true,
          providesCurator: false,
          contracts: [
            { kind: "agreement", number: "15", date: "2025-09-01", validUntil: "2099-08-31" },
            { kind: "dual", number: "Д-1", date: "2025-10-01" },
          ],
          version: 3,
        },
      ],
    ]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("on a stale version shows the message and the current organisation, and saves on top of it", async () => {
    const { mentors: _mentors, ...info } = factory;
    const current = { ...info, name: "АО «Прогресс»", contracts: [factory.contracts[0]!], version: 4 };
    let saves = 0;
    const calls = open([factory], {
      "PUT /api/partners/ptn_1": (body) =>
        ++saves === 1 ? staleVersionAnswer(current) : { status: 200, body: { ...current, ...(body as object), version: 5 } },
    });
    fireEvent.click(await buttonIn(factory.name, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить организацию-партнёра" });
    fireEvent.change(field(dialog, /^Примечание/), { target: { value: "Новый контакт" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("В форме — актуальные сведения об организации. Внесите изменения ещё раз и сохраните.")).toBeTruthy();
    expect(field(dialog, /^Название организации/).value).toBe("АО «Прогресс»");
    expect(within(dialog).getByRole("group", { name: "Договор 1" })).toBeTruthy();
    expect(within(dialog).queryByRole("group", { name: "Договор 2" })).toBeNull();
    expect(field(dialog, /^Примечание/).value).toBe(factory.note);
    await waitFor(() => expect(listLoads(calls)).toBe(2));

    fireEvent.change(field(dialog, /^Примечание/), { target: { value: "Новый контакт" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));
    await screen.findByText("Организация «АО «Прогресс»» сохранена");
    expect(partnerCalls(calls).map(([, , body]) => body)).toMatchObject([
      { name: factory.name, contracts: { length: 3 }, note: "Новый контакт", version: 3 },
      { name: "АО «Прогресс»", contracts: { length: 1 }, note: "Новый контакт", version: 4 },
    ]);
  });

  it("when the organisation was deleted meanwhile, says so and reloads the list", async () => {
    const calls = open([factory], {
      "PUT /api/partners/ptn_1": () => ({
        status: 404,
        body: { error: { code: "partner.not_found", message: "Организация-партнёр не найдена" } },
      }),
    });
    fireEvent.click(await buttonIn(factory.name, "Изменить"));
    const dialog = await screen.findByRole("dialog", { name: "Изменить организацию-партнёра" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить изменения" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain("Организация-партнёр не найдена");
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("deletes an organisation after confirmation, naming its version", async () => {
    const versions: (string | null)[] = [];
    const calls = open(all, {
      "DELETE /api/partners/ptn_1": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(factory.name, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить организацию-партнёра?" });
    expect(
      within(dialog).getByText(/Организация «АО «Завод Прогресс»» и сведения о её договорах \(3 договора\) будут удалены/),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    await screen.findByText(`Организация «${factory.name}» удалена из списка партнёров`);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(partnerCalls(calls)).toEqual([["DELETE", "/api/partners/ptn_1", undefined]]);
    expect(versions).toEqual(["3"]);
    await waitFor(() => expect(listLoads(calls)).toBe(2));
  });

  it("after a stale version the confirmation says so, shows the current organisation and deletes it", async () => {
    const { mentors: _mentors, ...info } = factory;
    const versions: (string | null)[] = [];
    const calls = open([factory], {
      "DELETE /api/partners/ptn_1": (_body, url) => {
        versions.push(url.searchParams.get("version"));
        return versions.length === 1 ? staleVersionAnswer({ ...info, contracts: [], version: 4 }) : { status: 200, body: { ok: true } };
      },
    });
    fireEvent.click(await buttonIn(factory.name, "Удалить"));
    const dialog = await screen.findByRole("dialog", { name: "Удалить организацию-партнёра?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));

    expect((await within(dialog).findByRole("alert")).textContent).toContain(STALE_VERSION_MESSAGE);
    expect(within(dialog).getByText("Список обновлён. Подтвердите ещё раз, если решение в силе.")).toBeTruthy();
    expect(within(dialog).getByText(/^Организация «АО «Завод Прогресс»» будет удалена без возможности восстановления/)).toBeTruthy();
    await waitFor(() => expect(listLoads(calls)).toBe(2));
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить" }));
    await screen.findByText(`Организация «${factory.name}» удалена из списка партнёров`);
    expect(versions).toEqual(["3", "4"]);
  });
});
