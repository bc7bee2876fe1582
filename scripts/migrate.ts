/**
 * `npm run migrate`: brings items written by earlier versions up to the current layout. Every step is idempotent,
 * so it is safe to run after every deploy. Runs against the stack `npm start` is running, or against the table in
 * TABLE_NAME (with the usual AWS credentials) when that is set.
 *
 * - Participants get `sortName`, the key the registry is ordered by (the byTenant index).
 */
import { withActor } from "@rnc/core";
import { withLocalStack } from "./local/attach";
import { allTenants } from "./tenants";

async function run() {
  const { backfillSortNames } = await import("@rnc/core/participant");
  let participants = 0;
  const tenants = await allTenants();
  for (const tenantId of tenants) participants += await backfillSortNames(tenantId);
  console.log(`${tenants.length} institution(s): ${participants} participant(s) given a registry sort key`);
  return 0;
}

const code = process.env.TABLE_NAME ? await withActor({ type: "system", properties: {} }, run) : await withLocalStack(run);
process.exit(code);
