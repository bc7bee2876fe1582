/**
 * `npm run check:stats -- [--tenant <id>] [--repair]`: recomputes every institution's summary item from its
 * participant and pair items (Queries by tenant, no Scan) and reports each counter that differs, each mirrored
 * field (descriptors, submission states) that differs from the institution and submission items, and each roadmap
 * entry (status, counters, open due dates) that differs from the roadmap's items; satisfaction tallies are not checked. --repair also
 * backfills summaries written before a field was mirrored. Without
 * --tenant it checks every institution of every region. Runs against the stack `npm start` is running, or
 * against the table in TABLE_NAME (with the usual AWS credentials) when that is set.
 * Exit code 1 when a difference is found (and not repaired).
 */
import { parseArgs } from "node:util";
import { withActor } from "@rnc/core";
import { withLocalStack } from "./local/attach";
import { allTenants } from "./tenants";

const { values } = parseArgs({ options: { tenant: { type: "string" }, repair: { type: "boolean", default: false } } });

async function run() {
  const { Stats } = await import("@rnc/core/stats");
  const tenants = values.tenant ? [values.tenant] : (await allTenants()).map((t) => t.tenantId);
  let drifted = 0;
  for (const tenantId of tenants) {
    const { differences, mirrors } = await Stats.check(tenantId);
    if (differences.length === 0 && mirrors.length === 0) {
      console.log(`${tenantId}: OK`);
      continue;
    }
    drifted++;
    console.log(`${tenantId}: ${differences.length} counter(s) and ${mirrors.length} mirrored field(s) differ`);
    for (const d of differences) console.log(`  ${d.counter}: stored ${d.stored}, recomputed ${d.expected}`);
    for (const field of mirrors) console.log(`  ${field}: differs from its source`);
    if (values.repair) {
      const { skipped } = await Stats.repair(tenantId);
      console.log("  repaired");
      if (skipped.length) console.log(`  ${skipped.length} roadmap(s) changed meanwhile and were left as they are: run the check again`);
    }
  }
  console.log(`${tenants.length} institution(s) checked, ${drifted} with differences`);
  return drifted > 0 && !values.repair ? 1 : 0;
}

const code = process.env.TABLE_NAME ? await withActor({ type: "system", properties: {} }, run) : await withLocalStack(run);
process.exit(code);
