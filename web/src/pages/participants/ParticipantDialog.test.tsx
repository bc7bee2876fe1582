// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
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
