// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
import type { RegionKpi, Targets } from "../monitoring/types";
import RegionKpiPage from "./RegionKpiPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const targets: Targets = {
  year: 2026,
  programmeStartYear: 2024,
  programmeYear: 3,
  rows: [
    {
      code: "mentors_15_19",
      label: "Доля детей и подростков в возрасте от 15 до 19 лет, вошедших в программы наставничества в роли наставника, %",
      short: "Наставники 15–19 лет",
      target: 6,
      defaultTarget: 6,
      overridden: false,
    },
    {
      code: "mentee_satisfaction",
      label: "Уровень удовлетворённости наставляемых участием в программах наставничества, %",
      short: "Удовлетворённость наставляемых",
      target: 65,
      defaultTarget: 65,
      overridden: false,
    },
  ],
  version: 1,
};

const actual: RegionKpi = {
  ...targets,
  asOf: "2026-05-10",
  rows: [
    { ...targets.rows[0], actual: { value: 0.3, numerator: 10, denominator: 3080 }, status: "behind" },
    { ...targets.rows[1], actual: { value: 85, numerator: 17, denominator: 20 }, status: "achieved" },
  ] as RegionKpi["rows"],
  institutions: [],
};

function open() {
  const calls = fakeApi({
    ...signedInAs("region_admin"),
    "GET /api/kpi/targets": () => ({ status: 200, body: targets }),
    "GET /api/kpi/region": () => ({ status: 200, body: actual }),
    "PUT /api/kpi/targets": () => ({ status: 200, body: targets }),
  });
  renderPage(<RegionKpiPage />, { path: "/region/kpi" });
  return calls;
}

const puts = (calls: ReturnType<typeof fakeApi>) => calls.filter((call) => call.method === "PUT");

describe("the region's KPI targets", () => {
  it("refuses a target that is not a number between 0 and 100 at its field, and sends nothing", async () => {
    const calls = open();
    const field = (await screen.findByLabelText(/^Доля детей и подростков/)) as HTMLInputElement;
    fireEvent.change(field, { target: { value: "много" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить цели" }));
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    const described = (field.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described.join(" ")).toContain("Введите число от 0 до 100");
    expect(screen.queryByText("Целевые показатели сохранены")).toBeNull();

    fireEvent.change(field, { target: { value: "150" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить цели" }));
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(puts(calls)).toHaveLength(0);

    fireEvent.change(field, { target: { value: "7,5" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить цели" }));
    await screen.findByText("Целевые показатели сохранены");
    expect(puts(calls).map((call) => call.body)).toEqual([
      { year: 2026, programmeStartYear: 2024, targets: { mentors_15_19: 7.5, mentee_satisfaction: 65 }, version: 1 },
    ]);
  });

  it("groups thousands and says that satisfaction is a sum of scores", async () => {
    open();
    const table = await screen.findByRole("table", { name: "Показатели региона" });
    expect(within(table).getByText("10 из 3 080")).toBeTruthy();
    expect(within(table).getByText("0,3 %")).toBeTruthy();
    expect(within(table).getByText("сумма оценок 17 из 20 возможных (2 ответа)")).toBeTruthy();
  });
});
