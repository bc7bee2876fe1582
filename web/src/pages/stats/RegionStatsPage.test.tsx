// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SatisfactionByInstitution } from "./RegionStatsPage";
import type { Dashboard } from "./types";

afterEach(cleanup);

const row = {
  tenantId: "org_1",
  name: "МБОУ СОШ № 1",
  kpis: { mentor_satisfaction: 85.5, mentee_satisfaction: null },
  satisfactionAnswers: { mentor: 4, mentee: 0 },
} as unknown as Dashboard["institutions"][number];

describe("the region dashboard's satisfaction by institution", () => {
  it("shows each institution's percents and answer counts for the dashboard's year", () => {
    render(<SatisfactionByInstitution rows={[row]} year={2025} />);
    const table = screen.getByRole("table", { name: "Удовлетворённость по организациям, 2025" });
    const cells = within(table)
      .getByRole("row", { name: /МБОУ СОШ № 1/ })
      .querySelectorAll("td");
    expect([...cells].map((cell) => cell.textContent)).toEqual(["85,5 %", "4", "—", "0"]);
  });
});
