// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, fieldErrorOf, summaryOf, validating, writes } from "../../test-support";
import SurveyPage from "./SurveyPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const survey = {
  surveyId: "srv_1",
  title: "Удовлетворённость наставляемых",
  purpose: "satisfaction",
  audience: "mentee",
  status: "open",
  questions: [{ id: "overall", text: "Общая оценка", kind: "scale", required: true }],
  sentCount: 0,
  responseCount: 0,
  sendings: [],
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-01T09:00:00.000Z",
  version: 2,
};

describe("a survey's page", () => {
  it("the curator ends taking answers after confirming; the send form goes away", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: survey }),
      "GET /api/participants": () => ({ status: 200, body: { items: [], cursor: null } }),
      "POST /api/surveys/srv_1/close": () => ({ status: 200, body: { ...survey, status: "closed", version: 3 } }),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    fireEvent.click(await screen.findByRole("button", { name: "Завершить приём ответов" }));
    const dialog = await screen.findByRole("dialog", { name: "Завершить приём ответов?" });
    expect(calls.some((call) => call.path.endsWith("/close"))).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Завершить" }));
    await screen.findByText(/Завершена/);
    expect(calls.filter((call) => call.method === "POST" && call.path === "/api/surveys/srv_1/close")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Отправить ссылки" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Завершить приём ответов" })).toBeNull();
  });

  it("a draft's explanation and a scale question counted in the satisfaction indicator are saved with it", async () => {
    const draft = {
      ...survey,
      status: "draft",
      questions: [{ id: "q1", text: "Насколько полезны встречи?", kind: "scale", required: true }],
    };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: draft }),
      "GET /api/participants": () => ({ status: 200, body: { items: [], cursor: null } }),
      "PUT /api/surveys/srv_1": () => ({ status: 200, body: { ...draft, version: 3 } }),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    fireEvent.change(await screen.findByLabelText(/^Пояснение для участников/), { target: { value: "Ответы анонимны" } });
    fireEvent.click(screen.getByLabelText("Учитывать в показателе удовлетворённости"));
    fireEvent.click(screen.getByRole("button", { name: "Сохранить анкету" }));
    await screen.findByText("Анкета сохранена");
    const put = calls.find((call) => call.method === "PUT")?.body as { description: string; questions: { satisfaction?: boolean }[] };
    expect(put.description).toBe("Ответы анонимны");
    expect(put.questions[0]?.satisfaction).toBe(true);
  });

  it("links are sent for the number of days the curator sets", async () => {
    const person = {
      participantId: "prt_1",
      fullName: "Петров Пётр",
      status: "active",
      consent: "signed",
      isMentor: false,
      isMentee: true,
    };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: survey }),
      "GET /api/participants": () => ({ status: 200, body: { items: [person], cursor: null } }),
      "POST /api/surveys/srv_1/send": () => ({
        status: 200,
        body: { sent: 1, emailed: 1, expiresAt: "2026-12-21T10:00:00.000Z", printable: [] },
      }),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    fireEvent.click(await screen.findByLabelText(/Петров Пётр/));
    fireEvent.change(screen.getByLabelText(/^Срок действия ссылок, дней/), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Отправить ссылки" }));
    await waitFor(() => expect(calls.some((call) => call.path === "/api/surveys/srv_1/send")).toBe(true));
    expect(calls.find((call) => call.path === "/api/surveys/srv_1/send")?.body).toEqual({
      recipients: [{ participantId: "prt_1" }],
      expiresInDays: 30,
    });
  });

  it("does not offer the survey again to who has answered it, in the round chosen for a growth survey", async () => {
    const mentee = (participantId: string, fullName: string) => ({
      participantId,
      fullName,
      status: "active",
      consent: "signed",
      isMentor: false,
      isMentee: true,
    });
    const link = (participantId: string, name: string, status: string, phase?: string) => ({
      linkId: `lnk_${participantId}_${phase ?? "once"}`,
      participantId,
      name,
      delivery: "email",
      ...(phase ? { phase } : {}),
      createdAt: "2026-11-01T09:00:00.000Z",
      expiresAt: "2026-11-15T09:00:00.000Z",
      status,
    });
    const growth = { ...survey, purpose: "growth", sentCount: 2, responseCount: 1 };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: growth }),
      "GET /api/participants": () => ({
        status: 200,
        body: { items: [mentee("prt_1", "Петров Пётр"), mentee("prt_2", "Сидорова Анна")], cursor: null },
      }),
      "GET /api/surveys/srv_1/links": () => ({
        status: 200,
        body: { items: [link("prt_1", "Петров Пётр", "answered", "entry"), link("prt_2", "Сидорова Анна", "pending", "entry")] },
      }),
      "POST /api/surveys/srv_1/send": () => ({
        status: 200,
        body: { sent: 1, emailed: 1, expiresAt: "2026-12-21T10:00:00.000Z", printable: [] },
      }),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    const stage = await screen.findByLabelText(/^Этап/);
    fireEvent.change(stage, { target: { value: "entry" } });
    const answered = (await screen.findByLabelText(/Петров Пётр/)) as HTMLInputElement;
    await waitFor(() => expect(answered.disabled).toBe(true));
    expect(answered.closest("label")?.textContent).toContain("анкета уже заполнена");
    // One whose link is still open may get another (the first letter may be lost); it cannot count twice (the API).
    expect((screen.getByLabelText(/Сидорова Анна/) as HTMLInputElement).disabled).toBe(false);
    // At the exit, the one who answered at the entry is asked again.
    fireEvent.change(stage, { target: { value: "exit" } });
    await waitFor(() => expect(answered.disabled).toBe(false));
    fireEvent.click(answered);
    fireEvent.click(screen.getByRole("button", { name: "Отправить ссылки" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]?.body).toMatchObject({ recipients: [{ participantId: "prt_1" }], phase: "exit" });
  });

  it("the questions' editor shows an empty question with the server's problems at once, and saves nothing", async () => {
    const draft = { ...survey, status: "draft", questions: [{ id: "q1", text: "", kind: "scale", required: true }] };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: draft }),
      "GET /api/participants": () => ({ status: 200, body: { items: [], cursor: null } }),
      "PUT /api/surveys/srv_1": validating((sent) => [
        ...(String(sent.title ?? "").length > 200 ? [{ path: "title", message: "Название анкеты — не длиннее 200 символов" }] : []),
      ]),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    const form = (await screen.findByRole("button", { name: "Сохранить анкету" })).closest("form") as HTMLElement;
    fireEvent.change(within(form).getByLabelText(/^Название анкеты/), { target: { value: "Анкета ".repeat(40) } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить анкету" }));
    await waitFor(() => expect(summaryOf(form)).toEqual(["Впишите текст вопроса № 1", "Название анкеты — не длиннее 200 символов"]));
    expect(fieldErrorOf(form, /^Название анкеты/)).toBe("Название анкеты — не длиннее 200 символов");
    expect(fieldErrorOf(form, /^Текст вопроса/)).toBe("Впишите текст вопроса № 1");
    expect(calls.filter((call) => call.method === "PUT")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });

  it("the send form shows every field's problem at once, the form's with the server's, and sends nothing", async () => {
    const growth = { ...survey, purpose: "growth" };
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/surveys/srv_1": () => ({ status: 200, body: growth }),
      "GET /api/participants": () => ({ status: 200, body: { items: [], cursor: null } }),
      // The API's validation; a growth survey's stage is checked only when sending, which a validation never reaches.
      "POST /api/surveys/srv_1/send": validating((sent) => [
        ...((sent.recipients as unknown[]).length ? [] : [{ path: "recipients", message: "Выберите хотя бы одного участника" }]),
        ...(String(sent.programme ?? "").length > 200 ? [{ path: "programme", message: "Поле «Программа» длиннее 200 символов" }] : []),
        ...(Number(sent.expiresInDays) > 60 ? [{ path: "expiresInDays", message: "Срок действия — не больше 60 дней" }] : []),
      ]),
    });
    renderPage(<SurveyPage />, { path: "/surveys/srv_1", route: "/surveys/:surveyId" });
    const form = (await screen.findByRole("button", { name: "Отправить ссылки" })).closest("form") as HTMLElement;
    fireEvent.change(screen.getByLabelText(/^Программа/), { target: { value: "Ученик – ученик. ".repeat(15) } });
    fireEvent.change(screen.getByLabelText(/^Срок действия ссылок, дней/), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("button", { name: "Отправить ссылки" }));
    const phase = "Укажите этап: анкета личностного роста заполняется на входе и на выходе из программы";
    const days = "Срок действия ссылок — целое число дней от 1 до 60";
    await waitFor(() =>
      expect(summaryOf(form)).toEqual([phase, "Выберите хотя бы одного участника", "Поле «Программа» длиннее 200 символов", days]),
    );
    expect(within(within(form).getByRole("group", { name: /^Получатели/ })).getByText("Выберите хотя бы одного участника")).toBeTruthy();
    expect(fieldErrorOf(form, /^Этап/)).toBe(phase);
    expect(fieldErrorOf(form, /^Программа/)).toBe("Поле «Программа» длиннее 200 символов");
    expect(fieldErrorOf(form, /^Срок действия ссылок, дней/)).toBe(days);
    expect(calls.filter((call) => call.path === "/api/surveys/srv_1/send")).toMatchObject([{ validateOnly: true }]);
    expect(writes(calls)).toEqual([]);
  });
});
