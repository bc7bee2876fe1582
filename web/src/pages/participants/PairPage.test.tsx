// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, fieldErrorOf, invalidFieldsAnswer, isIsoDate, summaryOf, validating, writes } from "../../test-support";
import PairPage from "./PairPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = {
  pair: {
    pairId: "pair_1",
    form: "teacher_teacher",
    mentorId: "prt_mentor",
    menteeIds: ["prt_mentee"],
    startDate: "2026-09-01",
    endDate: "2027-05-31",
    status: "active",
    activatedAt: "2026-09-02T09:00:00.000Z",
    createdAt: "2026-09-01T09:00:00.000Z",
    updatedAt: "2026-09-02T09:00:00.000Z",
    version: 2,
    kind: "pair",
    members: [
      { participantId: "prt_mentor", role: "mentor", name: "Петрова А. А.", minor: false, consent: "signed" },
      { participantId: "prt_mentee", role: "mentee", name: "Иванов И. И.", minor: false, consent: "signed" },
    ],
    inactive: false,
    problems: [],
  },
  plan: { pairId: "pair_1", goals: [], tasks: [], updatedAt: "2026-09-02T09:00:00.000Z", version: 1 },
  meetings: [],
};

describe("the individual plan", () => {
  it("refuses a task's impossible due date at that task's own field, even when an untitled task comes before it", async () => {
    const calls = fakeApi({ ...signedInAs("curator"), "GET /api/pairs/pair_1": () => ({ status: 200, body: page }) });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Редактировать план" }));
    const dialog = await screen.findByRole("dialog", { name: "Индивидуальный план" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    const second = within(dialog).getByRole("group", { name: "Задача 2" });
    fireEvent.change(within(second).getByLabelText("Задача"), { target: { value: "Подготовить выступление" } });
    const due = within(second).getByLabelText("Срок") as HTMLInputElement;
    expect(due.placeholder).toBe("ДД.ММ.ГГГГ");
    fireEvent.change(due, { target: { value: "31.02.2027" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить план" }));
    const message = "Задача 2: срок: укажите существующую дату в формате ДД.ММ.ГГГГ";
    expect((await within(dialog).findByRole("alert")).textContent).toContain(message);
    expect(due.getAttribute("aria-invalid")).toBe("true");
    expect(within(second).getByText(message)).toBeTruthy();
    expect(writes(calls)).toEqual([]);
  });

  it("writes the goals in a full-width text area, and shows the server's refusal of a task at that task", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: page }),
      // The server numbers the tasks it was sent: the untitled first one is not sent, so the form's third is its 1.
      "PUT /api/pairs/pair_1/plan": () => invalidFieldsAnswer([{ path: "tasks.1.dueDate", message: "Срок задачи — после начала пары" }]),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Редактировать план" }));
    const dialog = await screen.findByRole("dialog", { name: "Индивидуальный план" });
    const goals = within(dialog).getByLabelText("Цели (по одной в строке)");
    expect(goals.tagName).toBe("TEXTAREA");
    expect(goals.className).toBe("text-area");
    fireEvent.change(goals, { target: { value: "Освоить методику\n\n Провести открытый урок " } });
    for (let n = 0; n < 3; n++) fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    const task = (n: number) => within(dialog).getByRole("group", { name: `Задача ${n}` });
    fireEvent.change(within(task(2)).getByLabelText("Задача"), { target: { value: "Посетить уроки" } });
    fireEvent.change(within(task(3)).getByLabelText("Задача"), { target: { value: "Открытый урок" } });
    fireEvent.change(within(task(3)).getByLabelText("Срок"), { target: { value: "01.08.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить план" }));
    const message = "Задача 3: Срок задачи — после начала пары";
    expect((await within(dialog).findByRole("alert")).textContent).toContain(message);
    expect(within(task(3)).getByLabelText("Срок").getAttribute("aria-invalid")).toBe("true");
    expect(within(task(3)).getByText(message)).toBeTruthy();
    expect(within(task(2)).getByLabelText("Срок").getAttribute("aria-invalid")).toBeNull();
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      goals: ["Освоить методику", "Провести открытый урок"],
      tasks: [
        { title: "Посетить уроки", status: "planned" },
        { title: "Открытый урок", status: "planned", dueDate: "2026-08-01" },
      ],
      version: 1,
    });
  });

  it("deletes a task with its own button, named after the task; the focus goes to the task that took its place", async () => {
    const planned = {
      ...page.plan,
      goals: ["Освоить методику"],
      tasks: [
        { taskId: "task_1", title: "Посетить уроки", status: "done", dueDate: "2026-10-01" },
        { taskId: "task_2", title: "Открытый урок", status: "planned" },
      ],
      version: 4,
    };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: { ...page, plan: planned } }),
      "PUT /api/pairs/pair_1/plan": () => ({ status: 200, body: { ...page, plan: { ...planned, tasks: [planned.tasks[1]], version: 5 } } }),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Редактировать план" }));
    const dialog = await screen.findByRole("dialog", { name: "Индивидуальный план" });
    expect((within(dialog).getAllByLabelText("Срок")[0] as HTMLInputElement).value).toBe("01.10.2026");
    within(dialog).getByRole("button", { name: "Удалить задачу «Посетить уроки»" }).click();
    await waitFor(() => expect(within(dialog).queryByRole("button", { name: "Удалить задачу «Посетить уроки»" })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText("Задача")));
    expect((document.activeElement as HTMLInputElement).value).toBe("Открытый урок");
    // An untitled task is named by its number.
    fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    expect(within(dialog).getByRole("button", { name: "Удалить задачу 2" })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить задачу 2" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить план" }));
    await screen.findByText("План сохранён");
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      goals: ["Освоить методику"],
      tasks: [{ taskId: "task_2", title: "Открытый урок", status: "planned" }],
      version: 4,
    });
  });
});

describe("the agreement", () => {
  const minors = {
    ...page,
    pair: {
      ...page.pair,
      form: "pupil_pupil",
      menteeIds: ["prt_kid1", "prt_kid2"],
      kind: "group",
      members: [
        { participantId: "prt_mentor", role: "mentor", name: "Петров П. П.", minor: true, consent: "signed" },
        { participantId: "prt_kid1", role: "mentee", name: "Сидоров С. С.", minor: true, consent: "signed" },
        { participantId: "prt_kid2", role: "mentee", name: "Кузнецова К. К.", minor: true, consent: "missing" },
      ],
    },
  };
  const card = (participantId: string, consents: object[]) => ({
    status: 200,
    body: { participant: { participantId }, consents, pairs: [] },
  });

  it("fills a minor's representative in from their consent, shows each error at its field and names the child in the summary", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: minors }),
      "GET /api/participants/prt_mentor": () =>
        card("prt_mentor", [
          {
            consentId: "cns_1",
            signerKind: "legal_representative",
            representativeName: "Петрова Анна",
            representativeRelation: "мать",
            active: true,
          },
        ]),
      // A consent the child signed: nothing to fill in.
      "GET /api/participants/prt_kid1": () => card("prt_kid1", [{ consentId: "cns_2", signerKind: "self", active: true }]),
      "PUT /api/pairs/pair_1/agreement": () =>
        invalidFieldsAnswer([
          { path: "signedAt", message: "Заполните поле «Дата соглашения»" },
          { path: "representatives.1.name", message: "Заполните поле «ФИО законного представителя»" },
          { path: "representatives.2.name", message: "Заполните поле «ФИО законного представителя»" },
          { path: "representatives.2.relation", message: "Заполните поле «Кем приходится»" },
        ]),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Записать соглашение" }));
    const dialog = await screen.findByRole("dialog", { name: "Соглашение между наставником и наставляемым" });
    const input = (label: string) => within(dialog).getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;
    await waitFor(() => expect(input("ФИО представителя — Петров П. П.").value).toBe("Петрова Анна"));
    expect(input("Кем приходится — Петров П. П.").value).toBe("мать");
    expect(input("ФИО представителя — Сидоров С. С.").value).toBe("");
    // Only the cards of minors with a consent are read.
    expect(calls.filter((call) => call.method === "GET" && call.path.includes("/api/participants/")).map((call) => call.path)).toHaveLength(
      2,
    );

    fireEvent.change(input("Дата соглашения"), { target: { value: "" } });
    fireEvent.change(input("Номер соглашения"), { target: { value: "12" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить соглашение" }));
    const summary = await within(dialog).findByRole("alert");
    expect([...summary.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "Заполните поле «Дата соглашения»",
      "Представитель участника Сидоров С. С.: заполните поле «ФИО законного представителя»",
      "Представитель участника Кузнецова К. К.: заполните поле «ФИО законного представителя»",
      "Представитель участника Кузнецова К. К.: заполните поле «Кем приходится»",
    ]);
    expect(input("Дата соглашения").getAttribute("aria-invalid")).toBe("true");
    expect(input("ФИО представителя — Сидоров С. С.").getAttribute("aria-invalid")).toBe("true");
    expect(input("ФИО представителя — Кузнецова К. К.").getAttribute("aria-invalid")).toBe("true");
    expect(input("Кем приходится — Кузнецова К. К.").getAttribute("aria-invalid")).toBe("true");
    expect(input("ФИО представителя — Петров П. П.").getAttribute("aria-invalid")).toBeNull();
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      signedAt: "",
      document: "12",
      representatives: [
        { participantId: "prt_mentor", name: "Петрова Анна", relation: "мать" },
        { participantId: "prt_kid1", name: "", relation: "" },
        { participantId: "prt_kid2", name: "", relation: "" },
      ],
      version: 2,
    });
  });

  it("starts a change of the agreement from the one recorded", async () => {
    const recorded = {
      ...minors,
      pair: {
        ...minors.pair,
        agreement: {
          signedAt: "2026-09-03",
          document: "7",
          representatives: [
            { participantId: "prt_mentor", name: "Петрова Анна", relation: "мать" },
            { participantId: "prt_kid1", name: "Сидоров Олег", relation: "отец" },
            { participantId: "prt_kid2", name: "Кузнецов Иван", relation: "опекун" },
          ],
        },
      },
    };
    const calls = fakeApi({ ...signedInAs("curator"), "GET /api/pairs/pair_1": () => ({ status: 200, body: recorded }) });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить соглашение" }));
    const dialog = await screen.findByRole("dialog", { name: "Соглашение между наставником и наставляемым" });
    const input = (label: string) => within(dialog).getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;
    expect(input("Дата соглашения").value).toBe("03.09.2026");
    expect(input("Номер соглашения").value).toBe("7");
    expect(input("ФИО представителя — Сидоров С. С.").value).toBe("Сидоров Олег");
    expect(input("Кем приходится — Кузнецова К. К.").value).toBe("опекун");
    // The consents are not read: the agreement already names the representatives.
    expect(calls.filter((call) => call.path.includes("/api/participants/"))).toEqual([]);
  });
});

describe("the meeting diary", () => {
  const meetingOf = (n: number, stage: string, date: string) => ({
    meetingId: `mtg_${n}`,
    pairId: "pair_1",
    date,
    stage,
    durationMinutes: 45,
    createdAt: `${date}T15:00:00.000Z`,
    updatedAt: `${date}T15:00:00.000Z`,
    version: 1,
  });

  it("suggests the stage after the latest meeting, and asks for a duration left empty", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({
        status: 200,
        body: { ...page, meetings: [meetingOf(1, "introduction", "2026-09-10"), meetingOf(2, "trial", "2026-09-17")] },
      }),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Записать встречу" }));
    const dialog = await screen.findByRole("dialog", { name: "Встреча" });
    expect((within(dialog).getByLabelText(/^Этап/) as HTMLSelectElement).value).toBe("planning");
    const duration = within(dialog).getByLabelText(/^Длительность/);
    fireEvent.change(duration, { target: { value: "" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Записать встречу" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Укажите длительность встречи");
    expect(duration.getAttribute("aria-invalid")).toBe("true");
    expect(writes(calls)).toEqual([]);
  });

  it("suggests the first stage for a pair without meetings", async () => {
    fakeApi({ ...signedInAs("curator"), "GET /api/pairs/pair_1": () => ({ status: 200, body: page }) });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Записать встречу" }));
    const dialog = await screen.findByRole("dialog", { name: "Встреча" });
    expect((within(dialog).getByLabelText(/^Этап/) as HTMLSelectElement).value).toBe("introduction");
  });
  it("the curator extends the pair and adds a note, sent with the version the page showed", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: page }),
      "PUT /api/pairs/pair_1": () => ({ status: 200, body: { ...page, pair: { ...page.pair, endDate: "2027-06-30", note: "Продлена" } } }),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить сроки и примечание" }));
    const dialog = await screen.findByRole("dialog", { name: "Сроки и примечание" });
    fireEvent.change(within(dialog).getByLabelText(/^Окончание/), { target: { value: "30.06.2027" } });
    fireEvent.change(within(dialog).getByLabelText(/^Примечание/), { target: { value: "Продлена" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    await screen.findByText("Сроки и примечание сохранены");
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      form: "teacher_teacher",
      startDate: "2026-09-01",
      endDate: "2027-06-30",
      note: "Продлена",
      version: 2,
    });
    expect(screen.getByText("Продлена")).toBeTruthy();
  });

  it("the curator corrects a diary entry: its fields come filled in and go back with the entry's version", async () => {
    const meeting = {
      meetingId: "mtg_1",
      pairId: "pair_1",
      date: "2026-10-01",
      stage: "introduction",
      durationMinutes: 45,
      notes: "Познакомились",
      createdAt: "2026-10-01T15:00:00.000Z",
      updatedAt: "2026-10-01T15:00:00.000Z",
      version: 1,
    };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/pairs/pair_1": () => ({ status: 200, body: { ...page, meetings: [meeting] } }),
      "PUT /api/pairs/pair_1/meetings/mtg_1": () => ({ status: 200, body: { ...page, meetings: [{ ...meeting, durationMinutes: 60 }] } }),
    });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить запись о встрече 01.10.2026" }));
    const dialog = await screen.findByRole("dialog", { name: "Запись о встрече" });
    expect((within(dialog).getByLabelText(/^Заметки/) as HTMLInputElement).value).toBe("Познакомились");
    fireEvent.change(within(dialog).getByLabelText(/^Длительность/), { target: { value: "60" } });
    fireEvent.change(within(dialog).getByLabelText(/^Формат/), { target: { value: "remote" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    await screen.findByText("Запись о встрече исправлена");
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      date: "2026-10-01",
      stage: "introduction",
      durationMinutes: 60,
      format: "remote",
      notes: "Познакомились",
      version: 1,
    });
  });
});

describe("the pair's forms show every field's problem at once, the form's with the server's, and save nothing", () => {
  const open = (body: unknown, routes: Parameters<typeof fakeApi>[0]) => {
    const calls = fakeApi({ ...signedInAs("curator"), "GET /api/pairs/pair_1": () => ({ status: 200, body }), ...routes });
    renderPage(<PairPage />, { path: "/pairs/pair_1", route: "/pairs/:pairId" });
    return calls;
  };
  const longer = (max: number) => "а".repeat(max + 1);

  it("the agreement: a date that does not exist, no number and a minor's representative", async () => {
    const minor = {
      ...page,
      pair: {
        ...page.pair,
        members: [
          page.pair.members[0],
          { participantId: "prt_mentee", role: "mentee", name: "Кузнецова К. К.", minor: true, consent: "missing" },
        ],
      },
    };
    const calls = open(minor, {
      "PUT /api/pairs/pair_1/agreement": validating((sent) => {
        const representatives = sent.representatives as { name: string; relation: string }[];
        return [
          ...(isIsoDate(sent.signedAt) ? [] : [{ path: "signedAt", message: "Поле «Дата соглашения»: укажите существующую дату" }]),
          ...(sent.document ? [] : [{ path: "document", message: "Заполните поле «Номер соглашения»" }]),
          ...representatives.flatMap((r, i) => [
            ...(r.name ? [] : [{ path: `representatives.${i}.name`, message: "Заполните поле «ФИО законного представителя»" }]),
            ...(r.relation ? [] : [{ path: `representatives.${i}.relation`, message: "Заполните поле «Кем приходится»" }]),
          ]),
        ];
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Записать соглашение" }));
    const dialog = await screen.findByRole("dialog", { name: "Соглашение между наставником и наставляемым" });
    fireEvent.change(within(dialog).getByLabelText(/^Дата соглашения/), { target: { value: "31.02.2026" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить соглашение" }));
    const dateMessage = "Дата соглашения: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() =>
      expect(summaryOf(dialog)).toEqual([
        dateMessage,
        "Заполните поле «Номер соглашения»",
        "Представитель участника Кузнецова К. К.: заполните поле «ФИО законного представителя»",
        "Представитель участника Кузнецова К. К.: заполните поле «Кем приходится»",
      ]),
    );
    expect(fieldErrorOf(dialog, /^Дата соглашения/)).toBe(dateMessage);
    expect(fieldErrorOf(dialog, /^Номер соглашения/)).toBe("Заполните поле «Номер соглашения»");
    expect(fieldErrorOf(dialog, /^ФИО представителя — Кузнецова К. К./)).toBe(
      "Представитель участника Кузнецова К. К.: заполните поле «ФИО законного представителя»",
    );
    expect(calls.filter((call) => call.method === "PUT")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });

  it("the pair's dates and note: a start that does not exist and a note too long", async () => {
    const calls = open(page, {
      "PUT /api/pairs/pair_1": validating((sent) => [
        ...(isIsoDate(sent.startDate) ? [] : [{ path: "startDate", message: "Поле «Дата начала»: укажите существующую дату" }]),
        ...(String(sent.note ?? "").length > 2000 ? [{ path: "note", message: "Поле «Примечание» длиннее 2000 символов" }] : []),
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Изменить сроки и примечание" }));
    const dialog = await screen.findByRole("dialog", { name: "Сроки и примечание" });
    fireEvent.change(within(dialog).getByLabelText(/^Начало/), { target: { value: "31.09.2026" } });
    fireEvent.change(within(dialog).getByLabelText(/^Примечание/), { target: { value: longer(2000) } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    const dateMessage = "Дата начала: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() => expect(summaryOf(dialog)).toEqual([dateMessage, "Поле «Примечание» длиннее 2000 символов"]));
    expect(fieldErrorOf(dialog, /^Начало/)).toBe(dateMessage);
    expect(fieldErrorOf(dialog, /^Примечание/)).toBe("Поле «Примечание» длиннее 2000 символов");
    expect(writes(calls)).toEqual([]);
  });

  it("a meeting: a date that does not exist, no duration and notes too long", async () => {
    const calls = open(page, {
      "POST /api/pairs/pair_1/meetings": validating((sent) => [
        ...(isIsoDate(sent.date) ? [] : [{ path: "date", message: "Поле «Дата встречи»: укажите существующую дату" }]),
        ...(Number(sent.durationMinutes) >= 5 ? [] : [{ path: "durationMinutes", message: "Длительность — не меньше 5 минут" }]),
        ...(String(sent.notes ?? "").length > 2000 ? [{ path: "notes", message: "Поле «Заметки» длиннее 2000 символов" }] : []),
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Записать встречу" }));
    const dialog = await screen.findByRole("dialog", { name: "Встреча" });
    fireEvent.change(within(dialog).getByLabelText(/^Дата/), { target: { value: "31.09.2026" } });
    fireEvent.change(within(dialog).getByLabelText(/^Длительность/), { target: { value: "" } });
    fireEvent.change(within(dialog).getByLabelText(/^Заметки/), { target: { value: longer(2000) } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Записать встречу" }));
    const dateMessage = "Дата встречи: укажите существующую дату в формате ДД.ММ.ГГГГ";
    await waitFor(() =>
      expect(summaryOf(dialog)).toEqual([dateMessage, "Укажите длительность встречи", "Поле «Заметки» длиннее 2000 символов"]),
    );
    expect(fieldErrorOf(dialog, /^Дата/)).toBe(dateMessage);
    expect(fieldErrorOf(dialog, /^Длительность/)).toBe("Укажите длительность встречи");
    expect(fieldErrorOf(dialog, /^Заметки/)).toBe("Поле «Заметки» длиннее 2000 символов");
    expect(calls.filter((call) => call.path.endsWith("/meetings"))).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });

  it("the plan: a task's due date that does not exist and another task's title too long, each at its task", async () => {
    const calls = open(page, {
      "PUT /api/pairs/pair_1/plan": validating((sent) =>
        (sent.tasks as { title: string; dueDate?: string }[]).flatMap((task, i) => [
          ...(task.title.length > 500 ? [{ path: `tasks.${i}.title`, message: "Поле «Задача» длиннее 500 символов" }] : []),
          ...(task.dueDate === undefined || isIsoDate(task.dueDate)
            ? []
            : [{ path: `tasks.${i}.dueDate`, message: "Поле «Срок»: укажите существующую дату" }]),
        ]),
      ),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Редактировать план" }));
    const dialog = await screen.findByRole("dialog", { name: "Индивидуальный план" });
    for (let n = 0; n < 3; n++) fireEvent.click(within(dialog).getByRole("button", { name: "Добавить задачу" }));
    const task = (n: number) => within(dialog).getByRole("group", { name: `Задача ${n}` });
    // The first task has no title: it is not sent, so the server numbers the form's second task 0.
    fireEvent.change(within(task(2)).getByLabelText("Задача"), { target: { value: "Открытый урок" } });
    fireEvent.change(within(task(2)).getByLabelText("Срок"), { target: { value: "31.02.2027" } });
    fireEvent.change(within(task(3)).getByLabelText("Задача"), { target: { value: longer(500) } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить план" }));
    const dateMessage = "Задача 2: срок: укажите существующую дату в формате ДД.ММ.ГГГГ";
    const titleMessage = "Задача 3: Поле «Задача» длиннее 500 символов";
    await waitFor(() => expect(summaryOf(dialog)).toEqual([dateMessage, titleMessage]));
    expect(fieldErrorOf(task(2), "Срок")).toBe(dateMessage);
    expect(fieldErrorOf(task(3), "Задача")).toBe(titleMessage);
    expect(calls.filter((call) => call.method === "PUT")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });
});
