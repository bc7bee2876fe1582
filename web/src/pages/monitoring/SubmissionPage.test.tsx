// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, writes } from "../../test-support";
import SubmissionPage from "./SubmissionPage";
import type { SubmissionView } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const view: SubmissionView = {
  campaign: {
    campaignId: "cmp_1",
    kind: "monitoring",
    name: "Мониторинг ЦМН, I полугодие 2026/27",
    periodStart: "2026-09-01",
    periodEnd: "2026-12-31",
    deadline: "2026-12-20",
    indicators: [],
    status: "published",
    publishedAt: "2026-09-02T09:00:00.000Z",
  },
  tenantId: "inst_1",
  institutionName: "МБОУ СОШ № 1",
  municipality: "Городской округ",
  status: "draft",
  indicators: [
    {
      code: "custom_1",
      label: "Проведено встреч с родителями",
      kind: "number",
      required: true,
      max: 50,
      unit: "ед.",
      hint: "Считайте только очные встречи",
      computed: false,
      value: null,
    },
    {
      code: "custom_2",
      label: "Что мешает работе",
      kind: "text",
      required: false,
      hint: "Коротко, в 2–3 предложениях",
      computed: false,
      value: null,
    },
  ],
  editable: true,
  deadlineEnd: "2026-12-20T20:59:59.999Z",
  updatedAt: "2026-09-10T09:00:00.000Z",
  version: 2,
  history: [],
};

const description = (input: HTMLElement) =>
  (input.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

describe("the institution's report form", () => {
  it("shows a custom indicator's hint and unit with its field", async () => {
    fakeApi({ ...signedInAs("curator"), "GET /api/monitoring/submissions/cmp_1": () => ({ status: 200, body: view }) });
    renderPage(<SubmissionPage />, { path: "/monitoring/cmp_1", route: "/monitoring/:campaignId" });
    expect(description(await screen.findByLabelText(/^Проведено встреч с родителями/))).toBe(
      "Считайте только очные встречи. Допустимо от 0 до 50 ед.",
    );
    expect(description(screen.getByLabelText(/^Что мешает работе/))).toBe("Коротко, в 2–3 предложениях");
  });

  it("says why a computed indicator has no value, with one dash", async () => {
    const withKpi: SubmissionView = {
      ...view,
      indicators: [
        {
          code: "kpi_mentors_15_19",
          label: "Доля детей и подростков в возрасте от 15 до 19 лет, вошедших в программы наставничества в роли наставника, %",
          kind: "percent",
          required: false,
          source: { metric: "mentors_15_19" },
          computed: true,
          value: null,
          missing: "Не указана численность обучающихся 15–19 лет в карточке организации",
        },
        {
          code: "kpi_mentees_10_19",
          label: "Доля детей 10–19 лет",
          kind: "percent",
          required: false,
          source: { metric: "mentees_10_19" },
          computed: true,
          value: 10.5,
        },
        ...view.indicators,
      ],
    };
    fakeApi({
      ...signedInAs("curator"),
      "GET /api/monitoring/submissions/cmp_1": () => ({ status: 200, body: withKpi }),
    });
    renderPage(<SubmissionPage />, { path: "/monitoring/cmp_1", route: "/monitoring/:campaignId" });
    const reason = await screen.findByText(/не рассчитывается: не указана численность обучающихся 15–19 лет в карточке организации/);
    expect(reason.parentElement?.textContent).toBe(
      "— не рассчитывается: не указана численность обучающихся 15–19 лет в карточке организации",
    );
    expect(screen.getByText("10,5 %")).toBeTruthy();
  });

  it("reads numbers as the KPI page does: «1e2» is not a number and is not saved", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/monitoring/submissions/cmp_1": () => ({ status: 200, body: view }),
      "PUT /api/monitoring/submissions/cmp_1": () => ({ status: 200, body: view }),
    });
    renderPage(<SubmissionPage />, { path: "/monitoring/cmp_1", route: "/monitoring/:campaignId" });
    const meetings = await screen.findByLabelText(/^Проведено встреч с родителями/);
    fireEvent.change(meetings, { target: { value: "1e2" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить черновик" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Показатель «Проведено встреч с родителями» должен быть числом");
    expect(meetings.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText("Черновик сохранён")).toBeNull();
    // What went was the check of the typed text (validate-only), never a number made of it, and nothing was saved.
    expect(writes(calls)).toEqual([]);
    const checks = calls.filter((call) => call.method === "PUT" && call.validateOnly);
    expect(checks.map((call) => (call.body as { values: Record<string, unknown> }).values.custom_1)).toEqual(["1e2"]);
  });

  it("sends the report only once the curator confirms it cannot be changed afterwards", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/monitoring/submissions/cmp_1": () => ({ status: 200, body: view }),
      "POST /api/monitoring/submissions/cmp_1/submit": () => ({
        status: 200,
        body: { ...view, status: "submitted", editable: false, submittedAt: "2026-10-01T09:00:00.000Z", version: 3 },
      }),
    });
    const submits = () => calls.filter((call) => call.method === "POST" && call.path.endsWith("/submit"));
    renderPage(<SubmissionPage />, { path: "/monitoring/cmp_1", route: "/monitoring/:campaignId" });
    const meetings = await screen.findByLabelText(/^Проведено встреч с родителями/);

    // A report the server would refuse is not offered for confirmation.
    fireEvent.change(meetings, { target: { value: "70" } });
    fireEvent.click(screen.getByRole("button", { name: "Отправить в РНЦ" }));
    expect((await screen.findByRole("alert")).textContent).toContain("не может быть больше 50");
    expect(screen.queryByRole("dialog")).toBeNull();

    fireEvent.change(meetings, { target: { value: "7" } });
    fireEvent.click(screen.getByRole("button", { name: "Отправить в РНЦ" }));
    let dialog = await screen.findByRole("dialog", { name: "Отправить отчёт в РНЦ?" });
    expect(dialog.textContent).toContain("После отправки отчёт нельзя изменить, пока РНЦ не вернёт его на доработку.");
    fireEvent.click(within(dialog).getByRole("button", { name: "Отмена" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(submits()).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Отправить в РНЦ" }));
    dialog = await screen.findByRole("dialog", { name: "Отправить отчёт в РНЦ?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Отправить отчёт" }));
    await screen.findByText("Отчёт отправлен в РНЦ");
    expect(submits().map((call) => call.body)).toEqual([{ values: { custom_1: 7, custom_2: null }, version: 2 }]);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
