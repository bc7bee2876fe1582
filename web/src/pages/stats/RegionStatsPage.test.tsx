// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi } from "../../test-support";
import { SatisfactionByInstitution } from "./RegionStatsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the region dashboard's satisfaction by institution", () => {
  it("shows each institution's percents and answer counts for the dashboard's year", async () => {
    const years: (string | null)[] = [];
    fakeApi({
      ...signedInAs("region_viewer"),
      "GET /api/surveys/region-summary": (_body, url) => {
        years.push(url.searchParams.get("year"));
        return {
          status: 200,
          body: {
            items: [
              {
                tenantId: "org_1",
                institutionName: "МБОУ СОШ № 1",
                mentorSatisfaction: 85.5,
                mentorAnswers: 4,
                menteeSatisfaction: null,
                menteeAnswers: 0,
              },
            ],
          },
        };
      },
    });
    renderPage(<SatisfactionByInstitution year={2025} />, { path: "/region/stats" });
    const table = await screen.findByRole("table", { name: "Удовлетворённость по организациям, 2025" });
    const row = within(table).getByRole("row", { name: /МБОУ СОШ № 1/ });
    expect([...row.querySelectorAll("td")].map((cell) => cell.textContent)).toEqual(["85,5 %", "4", "—", "0"]);
    expect(years).toEqual(["2025"]);
  });
});
