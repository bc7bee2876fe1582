/**
 * The operations the benchmark measures (bench/run.ts) and profiles (bench/profile.ts), requested as the web app
 * requests them, signed in as the generated region's first curator or its regional administrator.
 */
import type { GeneratedRegion } from "./generate";
import type { RequestSpec } from "./load";

export type Operation = { name: string; kind: "curator read" | "region read" | "write"; request: RequestSpec };

export async function benchOperations(region: GeneratedRegion) {
  const { signAccessToken } = await import("@rnc/core/auth/token");
  const bearer = async (user: { userId: string; email: string; role: never; regionId?: string; tenantId?: string }) => ({
    authorization: `Bearer ${await signAccessToken(user)}`,
  });
  const curator = region.users.curators[0]!;
  const curatorHeaders = await bearer(curator as never);
  const regionHeaders = await bearer(region.users.regionAdmin as never);

  // The curator's key pages, requested as the web app requests them (web/src/pages): the participants registry (its
  // first page of 50, no filters), the pairs board, the roadmaps (list and one), the institution's own summary and KPIs, and
  // the submission forms of the monitoring campaign and of the federal count (which counts the year's programme
  // participants from the institution's pairs when read).
  const curatorPages: Operation[] = [
    ["participants.list (registry)", "/api/participants?limit=50"],
    ["pairs.board (20 per column)", "/api/pairs/board"],
    ["roadmaps.list", "/api/roadmaps"],
    ["roadmaps.get", `/api/roadmaps/${region.sample.roadmapId}`],
    ["stats.institution (own)", "/api/stats/institution"],
    ["kpi.institution", `/api/kpi/institution?year=${new Date().getUTCFullYear()}`],
    ["monitoring.submission", `/api/monitoring/submissions/${region.sample.campaignId}`],
    ["monitoring.submission (federal count)", `/api/monitoring/submissions/${region.sample.federalCampaignId}`],
    ["partners.list", "/api/partners"],
    ["rewards.list (year)", `/api/rewards?year=${new Date().getUTCFullYear()}`],
    ["publications.list (year)", `/api/publications?year=${new Date().getUTCFullYear()}`],
    ["accessibility.list", "/api/accessibility-measures"],
  ].map(([name, path]) => ({
    name: name as string,
    kind: "curator read",
    request: { method: "GET", path: path as string, headers: curatorHeaders },
  }));
  const operations: Operation[] = [
    { name: "auth.me", kind: "curator read", request: { method: "GET", path: "/api/auth/me", headers: curatorHeaders } },
    { name: "institutions.own", kind: "curator read", request: { method: "GET", path: "/api/institutions/own", headers: curatorHeaders } },
    ...curatorPages,
    {
      name: "institutions.list (region)",
      kind: "region read",
      request: { method: "GET", path: "/api/institutions", headers: regionHeaders },
    },
    {
      name: "stats.region (dashboard)",
      kind: "region read",
      request: { method: "GET", path: "/api/stats/region", headers: regionHeaders },
    },
    {
      name: "stats.region.institution",
      kind: "region read",
      request: { method: "GET", path: `/api/stats/region/institutions/${curator.tenantId}`, headers: regionHeaders },
    },
    {
      name: "reminders.preferences.put",
      kind: "write",
      request: {
        method: "PUT",
        path: "/api/reminders/preferences",
        headers: { ...curatorHeaders, "content-type": "application/json" },
        body: JSON.stringify({ frequency: "daily", nonStatutory: true }),
      },
    },
  ];
  return { operations, curatorHeaders, regionHeaders };
}
