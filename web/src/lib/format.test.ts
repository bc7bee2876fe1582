import { describe, expect, it, vi } from "vitest";
import { addressName, dateProblem, formatDate, formatDateTime, parseNumber, parseRuDate, showTimesIn, todayIso } from "./format";

describe("dates", () => {
  it("writes calendar dates as ДД.ММ.ГГГГ without shifting them", () => {
    expect(formatDate("2026-09-01")).toBe("01.09.2026");
  });
  it("writes timestamps in the region's time zone", () => {
    expect(formatDate("2026-03-31T22:30:00Z", "Europe/Moscow")).toBe("01.04.2026");
    expect(formatDateTime("2026-03-31T22:30:00Z", "Europe/Moscow")).toBe("01.04.2026 01:30");
    expect(formatDateTime("2026-03-31T22:30:00Z", "Asia/Kamchatka")).toBe("01.04.2026 10:30");
  });
  it("by default writes timestamps in the signed-in user's region's time zone, Moscow without one", () => {
    try {
      expect(formatDateTime("2026-12-20T14:30:00Z")).toBe("20.12.2026 17:30");
      showTimesIn("Asia/Vladivostok");
      // Submitted after the deadline day ended in Vladivostok: the page must not say «20.12» beside «с опозданием».
      expect(formatDateTime("2026-12-20T14:30:00Z")).toBe("21.12.2026 00:30");
      expect(formatDate("2026-12-20T14:30:00Z")).toBe("21.12.2026");
      expect(formatDate("2026-12-20")).toBe("20.12.2026");
      showTimesIn(undefined);
      expect(formatDateTime("2026-12-20T14:30:00Z")).toBe("20.12.2026 17:30");
    } finally {
      showTimesIn(undefined);
    }
  });
  it("takes today from the region's calendar, not from UTC or the browser's zone", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-20T14:30:00Z") });
    try {
      expect(todayIso()).toBe("2026-12-20");
      showTimesIn("Asia/Vladivostok");
      expect(todayIso()).toBe("2026-12-21");
    } finally {
      showTimesIn(undefined);
      vi.useRealTimers();
    }
  });
  it("builds a time zone's formatters once, not on every call", () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        built++;
      }
    } as typeof Original;
    try {
      expect(formatDateTime("2026-03-31T22:30:00Z", "Asia/Omsk")).toBe("01.04.2026 04:30");
      expect(formatDate("2026-04-01T20:00:00Z", "Asia/Omsk")).toBe("02.04.2026");
      const first = built;
      expect(first).toBeGreaterThan(0);
      expect(formatDateTime("2026-04-01T08:05:00Z", "Asia/Omsk")).toBe("01.04.2026 14:05");
      expect(formatDate("2026-04-02T20:00:00Z", "Asia/Omsk")).toBe("03.04.2026");
      expect(built).toBe(first);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
  it("addresses people by name and patronymic", () => {
    expect(addressName("Иванова Мария Сергеевна")).toBe("Мария Сергеевна");
    expect(addressName("Администратор")).toBe("Администратор");
  });
});

describe("parseRuDate", () => {
  it.each([
    ["14.03.2012", "2012-03-14"],
    ["1.9.2026", "2026-09-01"],
    [" 29.02.2024 ", "2024-02-29"],
    ["31.12.2025", "2025-12-31"],
    ["2026-09-01", "2026-09-01"],
  ])("reads %s as %s", (text, iso) => expect(parseRuDate(text)).toBe(iso));

  it.each([
    ["31.02.2026"],
    ["29.02.2025"],
    ["31.04.2026"],
    ["00.01.2026"],
    ["15.13.2026"],
    ["2026-02-31"],
    ["2026-13-01"],
    ["14/03/2012"],
    ["14.03.12"],
    [""],
  ])("refuses %s (not an existing date as ДД.ММ.ГГГГ)", (text) => expect(parseRuDate(text)).toBeUndefined());

  it("says what to type", () => {
    expect(dateProblem("Дата рождения")).toBe("Дата рождения: укажите существующую дату в формате ДД.ММ.ГГГГ");
  });
});

describe("numbers", () => {
  it("reads a number as typed, with a comma or a point and spaces between thousands, and nothing else", () => {
    expect(parseNumber("12,5")).toBe(12.5);
    expect(parseNumber(" 12.5 ")).toBe(12.5);
    expect(parseNumber("3 080")).toBe(3080);
    expect(parseNumber("-10")).toBe(-10);
    expect(parseNumber("abc")).toBeUndefined();
    expect(parseNumber("1e2")).toBeUndefined();
    expect(parseNumber("0x10")).toBeUndefined();
    expect(parseNumber("1,2,3")).toBeUndefined();
  });
});
