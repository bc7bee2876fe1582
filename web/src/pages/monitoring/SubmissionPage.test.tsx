// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
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
});
