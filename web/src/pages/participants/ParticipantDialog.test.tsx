// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, invalidFieldsAnswer } from "../../test-support";
import { ParticipantDialog } from "./ParticipantDialog";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const created = { status: 201, body: { participantId: "prt_1" } };

describe("the participant form's accessibility marks", () => {
  it("the curator marks them, and they are sent with the participant", async () => {
    const calls = fakeApi({ ...signedInAs("curator"), "POST /api/participants": () => created });
    renderPage(<ParticipantDialog onClose={() => {}} />, { path: "/participants" });
    // The <dialog> is opened (showModal) after its first render: until then its contents are not in the page's roles.
    await screen.findByRole("dialog", { name: "Новый участник" });
    fireEvent.change(await screen.findByLabelText(/^ФИО/), { target: { value: "Петров Пётр Петрович" } });
    fireEvent.change(screen.getByLabelText(/^Дата рождения/), { target: { value: "14.03.2012" } });
    const group = screen.getByRole("group", { name: "Меры доступности (видит только куратор)" });
    expect(group).toBeTruthy();
    fireEvent.click(screen.getByLabelText("ОВЗ"));
    fireEvent.click(screen.getByLabelText("Проявившие выдающиеся способности"));
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(calls.some((call) => call.method === "POST" && call.path === "/api/participants")).toBe(true));
    const post = calls.find((call) => call.method === "POST" && call.path === "/api/participants");
    expect(post?.body).toMatchObject({ fullName: "Петров Пётр Петрович", sensitiveFlags: ["ovz", "gifted"] });
  });

  it("a working-group member neither sees nor sends them", async () => {
    const calls = fakeApi({ ...signedInAs("staff"), "POST /api/participants": () => created });
    renderPage(<ParticipantDialog onClose={() => {}} />, { path: "/participants" });
    // The <dialog> is opened (showModal) after its first render: until then its contents are not in the page's roles.
    await screen.findByRole("dialog", { name: "Новый участник" });
    fireEvent.change(await screen.findByLabelText(/^ФИО/), { target: { value: "Петров Пётр Петрович" } });
    fireEvent.change(screen.getByLabelText(/^Дата рождения/), { target: { value: "14.03.2012" } });
    expect(screen.queryByRole("group", { name: /Меры доступности/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(calls.some((call) => call.method === "POST" && call.path === "/api/participants")).toBe(true));
    expect(calls.find((call) => call.path === "/api/participants")?.body).not.toHaveProperty("sensitiveFlags");
  });

  it("an edit keeps what the form did not change: needs, experience, a birth year without a date", async () => {
    const participant = {
      participantId: "prt_7",
      fullName: "Сидорова Анна Викторовна",
      birthYear: 2009,
      category: "pupil",
      isMentor: true,
      isMentee: true,
      capacity: 1,
      requests: ["математика"],
      needs: "Подготовка к олимпиаде",
      competences: ["физика"],
      experience: "Победитель регионального этапа",
      version: 3,
    };
    const calls = fakeApi({ ...signedInAs("staff"), "PUT /api/participants/prt_7": () => ({ status: 200, body: participant }) });
    renderPage(<ParticipantDialog onClose={() => {}} participant={participant as never} onSaved={() => {}} />, {
      path: "/participants/prt_7",
    });
    await screen.findByRole("dialog", { name: "Изменить данные участника" });
    expect(((await screen.findByLabelText(/^Дата рождения/)) as HTMLInputElement).value).toBe("2009");
    fireEvent.change(screen.getByLabelText(/^Телефон/), { target: { value: "+7 900 000-00-00" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(calls.some((call) => call.method === "PUT")).toBe(true));
    expect(calls.find((call) => call.method === "PUT")?.body).toMatchObject({
      birthYear: 2009,
      needs: "Подготовка к олимпиаде",
      experience: "Победитель регионального этапа",
      phone: "+7 900 000-00-00",
      version: 3,
    });
  });
});

describe("the mentor's partner organisation", () => {
  const partners = {
    status: 200,
    body: {
      items: [
        {
          partnerId: "ptn_1",
          name: "ООО «Завод»",
          kind: "employer",
          inList: true,
          providesCurator: false,
          contracts: [],
          mentors: 2,
          version: 1,
        },
      ],
    },
  };

  it("is offered from the institution's partners, and the chosen name is sent", async () => {
    const calls = fakeApi({ ...signedInAs("staff"), "GET /api/partners": () => partners, "POST /api/participants": () => created });
    renderPage(<ParticipantDialog onClose={() => {}} />, { path: "/participants" });
    await screen.findByRole("dialog", { name: "Новый участник" });
    fireEvent.change(await screen.findByLabelText(/^ФИО/), { target: { value: "Иванов Иван Иванович" } });
    fireEvent.change(screen.getByLabelText(/^Дата рождения/), { target: { value: "01.02.1980" } });
    fireEvent.change(screen.getByLabelText(/^Роль/), { target: { value: "mentor" } });
    const field = (await screen.findByLabelText(/^Организация-партнёр/)) as HTMLInputElement;
    await waitFor(() => expect(field.getAttribute("list")).toBe("partner-names"));
    const options = [...(document.getElementById("partner-names")?.querySelectorAll("option") ?? [])].map((o) => o.getAttribute("value"));
    expect(options).toEqual(["ООО «Завод»"]);
    fireEvent.change(field, { target: { value: "ООО «Завод»" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(calls.some((call) => call.method === "POST" && call.path === "/api/participants")).toBe(true));
    expect(calls.find((call) => call.method === "POST" && call.path === "/api/participants")?.body).toMatchObject({
      isMentor: true,
      partnerOrg: "ООО «Завод»",
    });
  });

  it("is typed freely where the partners cannot be read or there are none", async () => {
    fakeApi({ ...signedInAs("staff"), "GET /api/partners": () => ({ status: 200, body: { items: [] } }) });
    renderPage(<ParticipantDialog onClose={() => {}} />, { path: "/participants" });
    await screen.findByRole("dialog", { name: "Новый участник" });
    fireEvent.change(await screen.findByLabelText(/^Роль/), { target: { value: "mentor" } });
    const field = (await screen.findByLabelText(/^Организация-партнёр/)) as HTMLInputElement;
    expect(field.getAttribute("list")).toBeNull();
    expect(document.getElementById("partner-names")).toBeNull();
  });
});

describe("the participant form's errors", () => {
  /** The API's validation of a new participant, as far as these tests need it: every field it finds wrong at once. */
  const validating = (body: unknown) => {
    const sent = body as Record<string, string | undefined>;
    const fields = [
      ...(sent.fullName ? [] : [{ path: "fullName", message: "Заполните поле «ФИО»" }]),
      ...(sent.birthDate === undefined || /^\d{4}-\d{2}-\d{2}$/.test(sent.birthDate)
        ? []
        : [{ path: "birthDate", message: "Поле «Дата рождения»: укажите существующую дату в формате ДД.ММ.ГГГГ" }]),
      ...(!sent.birthDate ? [{ path: "birthDate", message: "Для обучающегося укажите дату или год рождения" }] : []),
      ...(sent.email === undefined || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(sent.email)
        ? []
        : [{ path: "email", message: "Укажите корректный адрес электронной почты, например ivanova@school.ru" }]),
    ];
    return fields.length > 0 ? invalidFieldsAnswer(fields) : created;
  };
  const summary = (dialog: HTMLElement) =>
    within(within(dialog).getByRole("alert"))
      .getAllByRole("listitem")
      .map((item) => item.textContent);
  const errorOf = (dialog: HTMLElement, label: RegExp) => {
    const input = within(dialog).getByLabelText(label);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    return input.closest(".field")?.querySelector(".field-error")?.textContent;
  };

  it("a date that does not exist and a wrong address are both shown, each at its field, and nothing is saved", async () => {
    const calls = fakeApi({ ...signedInAs("staff"), "POST /api/participants": validating });
    renderPage(<ParticipantDialog onClose={() => {}} />, { path: "/participants" });
    const dialog = await screen.findByRole("dialog", { name: "Новый участник" });
    fireEvent.change(await screen.findByLabelText(/^ФИО/), { target: { value: "Петров Пётр Петрович" } });
    fireEvent.change(screen.getByLabelText(/^Дата рождения/), { target: { value: "31.02.2012" } });
    fireEvent.change(screen.getByLabelText(/^Электронная почта/), { target: { value: "abc@" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    const dateMessage =
      "Дата рождения: укажите существующую дату в формате ДД.ММ.ГГГГ. Если известен только год, укажите его, например 2012.";
    const emailMessage = "Укажите корректный адрес электронной почты, например ivanova@school.ru";
    await waitFor(() => expect(summary(dialog)).toEqual([dateMessage, emailMessage]));
    expect(errorOf(dialog, /^Дата рождения/)).toBe(dateMessage);
    expect(errorOf(dialog, /^Электронная почта/)).toBe(emailMessage);
    // The date went as typed, which the server refuses too: the request is not saved.
    expect(calls.filter((call) => call.path === "/api/participants").map((call) => call.body)).toMatchObject([
      { birthDate: "31.02.2012", email: "abc@" },
    ]);
  });

  it("sent empty, names the missing full name and birth date at once", async () => {
    fakeApi({ ...signedInAs("staff"), "POST /api/participants": validating });
    renderPage(<ParticipantDialog onClose={() => {}} />, { path: "/participants" });
    const dialog = await screen.findByRole("dialog", { name: "Новый участник" });
    fireEvent.click(await screen.findByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(summary(dialog)).toEqual(["Заполните поле «ФИО»", "Для обучающегося укажите дату или год рождения"]));
    expect(errorOf(dialog, /^ФИО/)).toBe("Заполните поле «ФИО»");
    expect(errorOf(dialog, /^Дата рождения/)).toBe("Для обучающегося укажите дату или год рождения");
  });
});
