import { describe, expect, it } from "vitest";
import { checkDates, dateText } from "./DateField";

describe("the typed date fields", () => {
  it("show an ISO date as ДД.ММ.ГГГГ, and nothing for none", () => {
    expect(dateText("2026-11-22")).toBe("22.11.2026");
    expect(dateText(undefined)).toBe("");
  });

  it("read ДД.ММ.ГГГГ (or an ISO date) into ISO dates, an empty one as empty", () => {
    expect(
      checkDates({
        date: { text: " 1.9.2026 ", label: "Дата" },
        until: { text: "", label: "Действует до" },
        iso: { text: "2026-05-31", label: "Срок" },
      }),
    ).toEqual({ dates: { date: "2026-09-01", until: "", iso: "2026-05-31" }, problems: [] });
  });

  it("name every date that does not exist at its own path, all at once, and keep it as typed", () => {
    expect(
      checkDates({
        "contracts.0.date": { text: "31.02.2026", label: "Дата заключения" },
        "contracts.1.date": { text: " 11/22/2026 ", label: "Срок" },
      }),
    ).toEqual({
      dates: { "contracts.0.date": "31.02.2026", "contracts.1.date": "11/22/2026" },
      problems: [
        { path: "contracts.0.date", message: "Дата заключения: укажите существующую дату в формате ДД.ММ.ГГГГ" },
        { path: "contracts.1.date", message: "Срок: укажите существующую дату в формате ДД.ММ.ГГГГ" },
      ],
    });
  });
});
