/**
 * `npm run migrate`: brings items written by earlier versions up to the current layout. Every step is idempotent,
 * so it is safe to run after every deploy. Runs against the stack `npm start` is running, or against the table in
 * TABLE_NAME (with the usual AWS credentials) when that is set.
 *
 * - Participants get `sortName`, the key the registry is ordered by (the byTenant index).
 * - Pairs get their status into their byTenant index key, which the board reads a column (a status) at a time.
 * - Satisfaction tallies kept in their own items (`SATISFACTION#<year>`) move onto the institution's summary item.
 * - Survey links lose the names and addresses earlier versions copied onto them (they are read from the register).
 * - Answers given before answers were marked per respondent get their mark (from their used link), so that another
 *   link sent to the same person cannot count their answers again.
 * - Roadmap imports that failed before pending notes existed get a note, so the hourly recovery job discards them.
 * - Mentor-training events logged before the region's report counted them get their region index keys.
 * - Institutions created before short names were unique in a region claim theirs; two with one short name are listed,
 *   for the region's admin to rename one.
 * - Every summary is rebuilt from its sources where it differs (`Stats.repair`, as `check:stats -- --repair`): this
 *   also moves summaries of the first layout to the sharded region index and gives them the mirrored descriptors.
 */
import { withActor } from "@rnc/core";
import { withLocalStack } from "./local/attach";
import { allTenants } from "./tenants";

async function run() {
  const { backfillSortNames } = await import("@rnc/core/participant/legacy");
  const { reindexPairs } = await import("@rnc/core/pair/legacy");
  const { dropLinkCopies, foldLegacySatisfaction, markAnswered } = await import("@rnc/core/survey/legacy");
  const { noteStrandedImports } = await import("@rnc/core/roadmap/legacy");
  const { indexTrainings } = await import("@rnc/core/training/legacy");
  const { claimShortName } = await import("@rnc/core/institution/legacy");
  const { Stats } = await import("@rnc/core/stats");
  const done = { participants: 0, pairs: 0, tallies: 0, links: 0, answered: 0, imports: 0, trainings: 0, shortNames: 0, summaries: 0 };
  const sameShortName: string[] = [];
  const tenants = await allTenants();
  for (const { tenantId, regionId } of tenants) {
    done.participants += await backfillSortNames(tenantId);
    done.pairs += await reindexPairs(tenantId);
    done.tallies += await foldLegacySatisfaction(tenantId, regionId);
    done.links += await dropLinkCopies(tenantId);
    done.answered += await markAnswered(tenantId);
    done.imports += await noteStrandedImports(tenantId);
    done.trainings += await indexTrainings(tenantId);
    const shortName = await claimShortName(tenantId);
    if (shortName === "claimed") done.shortNames += 1;
    if (shortName === "conflict") sameShortName.push(tenantId);
    const { differences, mirrors } = await Stats.check(tenantId);
    if (differences.length > 0 || mirrors.length > 0) {
      await Stats.repair(tenantId);
      done.summaries += 1;
    }
  }
  console.log(
    `${tenants.length} institution(s): ${done.participants} participant(s) given a registry sort key, ${done.pairs} pair(s) indexed by status, ` +
      `${done.tallies} satisfaction tally item(s) moved onto summaries, ${done.links} survey link(s) cleared of copied names, ${done.answered} survey answer(s) marked, ` +
      `${done.imports} stranded roadmap import(s) left to the recovery job, ${done.trainings} training event(s) given region index keys, ` +
      `${done.shortNames} short name(s) claimed, ${done.summaries} summary item(s) rebuilt`,
  );
  if (sameShortName.length > 0) {
    console.log(`Short names another institution of the region already has (rename to claim): ${sameShortName.join(", ")}`);
  }
  return 0;
}

const code = process.env.TABLE_NAME ? await withActor({ type: "system", properties: {} }, run) : await withLocalStack(run);
process.exit(code);
