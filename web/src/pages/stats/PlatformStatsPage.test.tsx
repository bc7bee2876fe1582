// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test-support";
import PlatformStatsPage from "./PlatformStatsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const region = (regionId: string, name: string, n: number) => ({
  regionId,
  name,
  institutions: n,
  participants: n * 100,
  mentors: n * 40,
  mentees: n * 60,
  pairsActive: n * 30,
  pairsCompleted: n * 5,
});

function renderPage() {
  render(
    <MemoryRouter initialEntries={["/platform/stats"]}>
      <PlatformStatsPage />
    </MemoryRouter>,
  );
}

/** The texts of a row's cells after its header, with the Russian thousands separator made visible. */
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent?.replace(/\u00a0/g, "·"));

describe("the platform's summary by region", () => {
  it("shows one row per region and the totals, numbers grouped the Russian way and counts declined", async () => {
    fakeApi({
      "GET /api/stats/platform": () => ({
        status: 200,
        body: { regions: [region("reg_1", "Демонстрационный регион", 2), region("reg_2", "Нижегородская область", 21)] },
      }),
    });
    renderPage();
    const table = await screen.findByRole("table", { name: "Организации, участники и пары по регионам" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual([
      "Регион",
      "Организаций",
      "Участников в базах",
      "Наставников",
      "Наставляемых",
      "Активных пар и групп",
      "Завершённых пар и групп",
    ]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "Демонстрационный регион",
      "Нижегородская область",
      "Итого",
    ]);
    expect(cellsOf(rows[0] as HTMLElement)).toEqual(["2", "200", "80", "120", "60", "10"]);
    expect(cellsOf(rows[1] as HTMLElement)).toEqual(["21", "2·100", "840", "1·260", "630", "105"]);
    expect(cellsOf(rows[2] as HTMLElement)).toEqual(["23", "2·300", "920", "1·380", "690", "115"]);
    expect(screen.getByText(/^2 региона, 23 организации, 2\s300 участников в базах\./)).toBeTruthy();
  });

  it("declines a single region and institution", async () => {
    fakeApi({
      "GET /api/stats/platform": () => ({
        status: 200,
        body: { regions: [{ ...region("reg_1", "Тверская область", 1), participants: 1 }] },
      }),
    });
    renderPage();
    expect(await screen.findByText(/^1 регион, 1 организация, 1 участник в базах\./)).toBeTruthy();
  });

  it("says so when there are no regions yet", async () => {
    fakeApi({ "GET /api/stats/platform": () => ({ status: 200, body: { regions: [] } }) });
    renderPage();
    expect(await screen.findByText("Регионов пока нет")).toBeTruthy();
    expect(screen.getByRole("link", { name: "«Регионы»" }).getAttribute("href")).toBe("/regions");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows the server's message and a retry button when the summary cannot be read", async () => {
    fakeApi({
      "GET /api/stats/platform": () => ({
        status: 403,
        body: { error: { code: "auth.forbidden", message: "Сводка по регионам доступна только администратору платформы" } },
      }),
    });
    renderPage();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Сводка по регионам доступна только администратору платформы");
    expect(within(alert).getByRole("button", { name: "Повторить" })).toBeTruthy();
  });
});
