// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../../test-signed-in";
import { fakeApi, fieldErrorOf, writes } from "../../test-support";
import RoadmapsPage from "./RoadmapsPage";
import { currentAcademicYear, freeAcademicYear } from "./types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inForce = (start: number, status = "approved") => ({ status, periodStart: `${start}-09-01` });

describe("the academic year a roadmap from the template is offered for", () => {
  it("is the current one, or the first after it without a roadmap in force", () => {
    const november = new Date(2026, 10, 22);
    expect(freeAcademicYear([], november)).toBe("2026/27");
    expect(freeAcademicYear([inForce(2026)], november)).toBe("2027/28");
    expect(freeAcademicYear([inForce(2026), inForce(2027, "draft")], november)).toBe("2028/29");
    // An archived roadmap leaves its year free; in June the academic year is the one that started the September before.
    expect(freeAcademicYear([inForce(2026, "archived")], november)).toBe("2026/27");
    expect(freeAcademicYear([inForce(2025)], new Date(2026, 5, 1))).toBe("2026/27");
  });
});

describe("a roadmap from the template", () => {
  const start = Number(currentAcademicYear().slice(0, 4));
  const existing = {
    roadmapId: "rmp_1",
    title: `План мероприятий на ${currentAcademicYear()} учебный год`,
    period: `${currentAcademicYear()} учебный год`,
    periodStart: `${start}-09-01`,
    periodEnd: `${start + 1}-08-31`,
    status: "approved",
    version: 3,
    progress: {
      active: 19,
      total: 19,
      done: 2,
      doneOnTime: 2,
      overdue: 0,
      dueThisMonth: 1,
      cancelled: 0,
      donePercent: 10.5,
      doneOnTimePercent: 10.5,
      overduePercent: 0,
      dueThisMonthPercent: 5.3,
    },
  };
  const taken = `На ${currentAcademicYear()} учебный год уже есть дорожная карта «${existing.title}» (утверждена). Откройте её или переведите в архив, чтобы создать новую по шаблону.`;

  it("offers the next free year, can be cancelled, and names the roadmap a taken year already has", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/roadmaps": () => ({ status: 200, body: { items: [existing] } }),
      "POST /api/roadmaps/from-template": () => ({
        status: 409,
        body: {
          error: {
            code: "roadmap.year_taken",
            message: taken,
            details: { roadmapId: "rmp_1", fields: [{ path: "academicYear", message: taken }] },
          },
        },
      }),
    });
    renderPage(<RoadmapsPage />, { path: "/roadmaps" });
    await screen.findByText(existing.title);
    fireEvent.click(screen.getByRole("button", { name: "Создать по шаблону" }));
    let dialog = await screen.findByRole("dialog", { name: "Дорожная карта по шаблону" });
    const year = within(dialog).getByLabelText(/^Учебный год/) as HTMLInputElement;
    expect(year.value).toBe(`${start + 1}/${String((start + 2) % 100).padStart(2, "0")}`);
    fireEvent.click(within(dialog).getByRole("button", { name: "Отмена" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(writes(calls)).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Создать по шаблону" }));
    dialog = await screen.findByRole("dialog", { name: "Дорожная карта по шаблону" });
    fireEvent.change(within(dialog).getByLabelText(/^Учебный год/), { target: { value: currentAcademicYear() } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Создать" }));
    expect(await within(dialog).findByRole("link", { name: "Открыть дорожную карту этого года" })).toHaveProperty(
      "href",
      expect.stringMatching(/\/roadmaps\/rmp_1$/),
    );
    expect(fieldErrorOf(dialog, /^Учебный год/)).toBe(taken);
  });
});
