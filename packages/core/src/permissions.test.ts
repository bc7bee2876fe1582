import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { regionRoles } from "./actor";
import { permissions, roleCan } from "./permissions";
import { permissionsTable } from "./permissions-table";

describe("the permission matrix", () => {
  it("is documented in the README exactly as enforced", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(permissionsTable());
  });

  it("gives region-scope roles no access to participants' personal data", () => {
    for (const role of regionRoles) {
      expect(roleCan(role, "participants.read")).toBe(false);
      expect(roleCan(role, "participants.sensitive")).toBe(false);
    }
    expect(roleCan("platform_admin", "participants.read")).toBe(false);
  });

  it("lets only the curator see sensitive flags", () => {
    expect(permissions["participants.sensitive"]).toEqual(["curator"]);
  });
});
