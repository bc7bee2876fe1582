import { afterEach, describe, expect, it } from "vitest";
import type { Me } from "../api/types";
import { formatDateTime, showTimesIn } from "../lib/format";
import { signedIn } from "./AuthContext";

const me = (timeZone?: string) =>
  ({
    userId: "usr_1",
    email: "curator@example.org",
    fullName: "Иванова Мария Сергеевна",
    role: "curator",
    ...(timeZone ? { region: { regionId: "reg_1", name: "Приморский край", timeZone } } : {}),
  }) as unknown as Me;

describe("signing in", () => {
  afterEach(() => showTimesIn(undefined));

  it("shows every timestamp from then on in the user's region's time zone", () => {
    expect(signedIn(me("Asia/Vladivostok"))).toMatchObject({ status: "signed_in" });
    expect(formatDateTime("2026-12-20T14:30:00Z")).toBe("21.12.2026 00:30");
  });

  it("shows them in Moscow time for a user without a region (the platform administrator)", () => {
    signedIn(me("Asia/Vladivostok"));
    signedIn(me());
    expect(formatDateTime("2026-12-20T14:30:00Z")).toBe("20.12.2026 17:30");
  });
});
