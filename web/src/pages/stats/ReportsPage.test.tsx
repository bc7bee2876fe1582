// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
import ReportsPage from "./ReportsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const institution = (municipality: string) => ({
  tenantId: `org_${municipality}`,
  shortName: municipality,
  municipality,
  status: "active",
});

describe("the consolidated report", () => {
  it("is narrowed to a municipality, a type and a year, as the dashboard is", async () => {
    const calls = fakeApi({
      ...signedInAs("region_admin"),
      "GET /api/monitoring/campaigns": () => ({ status: 200, body: { items: [] } }),
      "GET /api/reports/exports": () => ({ status: 200, body: { items: [] } }),
      "GET /api/institutions": () => ({
        status: 200,
        body: { items: [institution("Южный район"), institution("Северный район"), institution("Южный район")] },
      }),
      "POST /api/reports/exports": () => ({
        status: 202,
        body: { exportId: "exp_1", status: "done", format: "xlsx", createdAt: "2026-11-21T10:00:00.000Z", fileName: "Отчёт.xlsx" },
      }),
      "GET /api/reports/exports/exp_1": () => ({ status: 200, body: { exportId: "exp_1", status: "done", format: "xlsx" } }),
    });
    renderPage(<ReportsPage />, { path: "/region/reports" });
    const municipality = (await screen.findByLabelText(/^Муниципалитет/)) as HTMLSelectElement;
    await waitFor(() => expect([...municipality.options].map((o) => o.text)).toEqual(["Все", "Северный район", "Южный район"]));
    fireEvent.change(municipality, { target: { value: "Южный район" } });
    fireEvent.change(screen.getByLabelText(/^Тип организации/), { target: { value: "college" } });
    fireEvent.click(screen.getByRole("button", { name: "Сформировать" }));
    await waitFor(() => expect(calls.some((call) => call.method === "POST" && call.path === "/api/reports/exports")).toBe(true));
    expect(calls.find((call) => call.method === "POST" && call.path === "/api/reports/exports")?.body).toEqual({
      format: "xlsx",
      municipality: "Южный район",
      type: "college",
    });
  });

  it("announces in a status region present from the start that the report is being made and then that it is ready", async () => {
    const progress = [
      { exportId: "exp_1", status: "running", format: "xlsx", createdAt: "2026-11-21T10:00:00.000Z", progress: 40 },
      {
        exportId: "exp_1",
        status: "done",
        format: "xlsx",
        createdAt: "2026-11-21T10:00:00.000Z",
        progress: 100,
        fileName: "Отчёт.xlsx",
        downloadUrl: "https://files.example/Отчёт.xlsx",
      },
    ];
    fakeApi({
      ...signedInAs("region_admin"),
      "GET /api/monitoring/campaigns": () => ({ status: 200, body: { items: [] } }),
      "GET /api/reports/exports": () => ({ status: 200, body: { items: [] } }),
      "GET /api/institutions": () => ({ status: 200, body: { items: [] } }),
      "POST /api/reports/exports": () => ({
        status: 202,
        body: { exportId: "exp_1", status: "queued", format: "xlsx", createdAt: "2026-11-21T10:00:00.000Z", progress: 0 },
      }),
      "GET /api/reports/exports/exp_1": () => ({ status: 200, body: progress.shift() ?? progress.at(-1) }),
    });
    renderPage(<ReportsPage />, { path: "/region/reports" });
    const status = await screen.findByRole("status");
    expect(status.textContent).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Сформировать" }));
    await waitFor(() => expect(status.textContent).toBe("Отчёт формируется…"));
    await screen.findByRole("link", { name: "Скачать «Отчёт.xlsx»" });
    expect(status.textContent).toBe("Отчёт сформирован: файл «Отчёт.xlsx» можно скачать");
  });
});
