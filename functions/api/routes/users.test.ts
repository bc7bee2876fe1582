import { describe, expect, it } from "vitest";
import { User } from "@rnc/core/user";
import { TEST_PASSWORD, call, createPlatformAdmin, createTestRegion, system, tokenFor } from "../../../scripts/test/fixtures";
import { interleave } from "../../../scripts/test/transactions";
import { app } from "../app";

const signIn = (email: string) => call(app, "POST", "/api/auth/login", { body: { email, password: TEST_PASSWORD } });
const statusOf = async (userId: string) => (await system(() => User.find(userId)))?.status;

describe("disabling and enabling accounts", async () => {
  const { users } = await createTestRegion("Регион учётных записей");

  it("a disabled account cannot sign in until it is enabled again; no one disables their own", async () => {
    const admin = await tokenFor(users.region_admin);
    expect((await signIn(users.curator.email)).status).toBe(200);

    const disabled = await call(app, "POST", `/api/users/${users.curator.userId}/disable`, { token: admin });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.json).toMatchObject({ userId: users.curator.userId, status: "disabled" });
    const refused = await signIn(users.curator.email);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({
      code: "auth.user_disabled",
      message: "Учётная запись отключена. Обратитесь к администратору.",
    });

    expect((await call(app, "POST", `/api/users/${users.curator.userId}/enable`, { token: admin })).json.status).toBe("active");
    expect((await signIn(users.curator.email)).status).toBe(200);

    const self = await call(app, "POST", `/api/users/${users.region_admin.userId}/disable`, { token: admin });
    expect(self.status).toBe(409);
    expect(self.json.error).toMatchObject({ code: "user.self_disable", message: "Нельзя отключить собственную учётную запись" });
  });

  it("two platform administrators disabling each other at once: one succeeds, the other is refused, so one stays active", async () => {
    const [first, second] = [await createPlatformAdmin(), await createPlatformAdmin()];
    const disable = async (by: typeof first, whom: typeof first) =>
      call(app, "POST", `/api/users/${whom.userId}/disable`, { token: await tokenFor(by) });
    // The second's request lands between the first's read and its write.
    let secondAnswer: Awaited<ReturnType<typeof disable>> | undefined;
    const firstAnswer = await interleave(
      '"user.disabled"',
      "before",
      async () => (secondAnswer = await disable(second, first)),
      () => disable(first, second),
    );
    expect(secondAnswer?.status).toBe(200);
    expect(firstAnswer.status).toBe(403);
    expect(firstAnswer.json.error.code).toBe("auth.user_disabled");
    expect([await statusOf(first.userId), await statusOf(second.userId)]).toEqual(["disabled", "active"]);
  });
});
