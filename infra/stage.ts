/**
 * Dev stages are ephemeral: personal (`dev`, `dev-<name>`), preview (`pr-<number>`), `local` and `test`.
 * Everything else (e.g. `staging`, `prod`) keeps its data: the table is retained and deletion-protected.
 */
export function isDevStage(stage: string): boolean {
  return ["dev", "local", "test"].includes(stage) || stage.startsWith("dev-") || stage.startsWith("pr-");
}
