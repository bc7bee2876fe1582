import { type Role, roles } from "./actor";
import { permissions, roleCan } from "./permissions";

/** The permission matrix as a Markdown table (README.md embeds it; a test keeps the two equal). */
export function permissionsTable(): string {
  const header = `| permission | ${roles.join(" | ")} |`;
  const divider = `|---|${roles.map(() => ":-:").join("|")}|`;
  const rows = Object.keys(permissions).map(
    (permission) =>
      `| \`${permission}\` | ${roles.map((role: Role) => (roleCan(role, permission as keyof typeof permissions) ? "✔" : "")).join(" | ")} |`,
  );
  return [header, divider, ...rows].join("\n");
}
