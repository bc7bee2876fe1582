/** `npm run docs:permissions`: rewrites the permission matrix in README.md from packages/core/src/permissions.ts. */
import { readFileSync, writeFileSync } from "node:fs";
import { permissionsTable } from "@rnc/core/permissions-table";

const file = new URL("../../README.md", import.meta.url);
const readme = readFileSync(file, "utf8");
const updated = readme.replace(
  /(<!-- permissions:start -->)[\s\S]*?(<!-- permissions:end -->)/,
  (_, start: string, end: string) => `${start}\n${permissionsTable()}\n${end}`,
);
writeFileSync(file, updated);
console.log(updated === readme ? "README.md permission matrix is up to date" : "README.md permission matrix updated");
