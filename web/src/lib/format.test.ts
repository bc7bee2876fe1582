import { describe, expect, it } from "vitest";
import { addressName, formatDate, formatDateTime } from "./format";

describe("dates", () => {
  it("writes calendar dates as ДД.ММ.ГГГГ without shifting them", () => {
    expect(formatDate("2026-09-01")).toBe("01.09.2026");
  });
  it("writes timestamps in the region's time zone", () => {
    expect(formatDate("2026-03-31T22:30:00Z", "Europe/Moscow")).toBe("01.04.2026");
    expect(formatDateTime("2026-03-31T22:30:00Z", "Europe/Moscow")).toBe("01.04.2026 01:30");
    expect(formatDateTime("2026-03-31T22:30:00Z", "Asia/Kamchatka")).toBe("01.04.2026 10:30");
  });
  it("addresses people by name and patronymic", () => {
    expect(addressName("Иванова Мария Сергеевна")).toBe("Мария Сергеевна");
    expect(addressName("Администратор")).toBe("Администратор");
  });
});
