import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createTestRegion, mailTo, system } from "../../../../scripts/test/fixtures";
import { type DueEntry, runReminders } from ".";

/**
 * SES failures injected through the client's endpoint: a proxy in front of the mail sink that
 * answers 503 for one recipient always, and for another the first few times.
 */
const sink = inject("mailEndpoint");
const failures = { permanent: "", transient: "", transientLeft: 0 };
const proxy = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const raw = Buffer.from(new URLSearchParams(body.toString()).get("RawMessage.Data") ?? "", "base64").toString();
  const fail =
    (failures.permanent && raw.includes(failures.permanent)) ||
    (failures.transient && raw.includes(failures.transient) && failures.transientLeft-- > 0);
  if (fail) {
    res.writeHead(503, { "content-type": "text/xml" }).end("<ErrorResponse><Error><Code>ServiceUnavailable</Code></Error></ErrorResponse>");
    return;
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !["host", "content-length", "connection"].includes(name)),
  ) as Record<string, string>;
  const upstream = await fetch(`${sink}${req.url}`, { method: req.method, headers, body });
  res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "text/xml" }).end(await upstream.text());
});
await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
process.env.SES_ENDPOINT = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

const policy = { ratePerSecond: 1000, attempts: 3, backoffMs: 5 };
const due = (tenantId: string, occurrence: string): DueEntry => ({
  tenantId,
  rule: "roadmap_due",
  occurrence,
  title: "Формирование базы наставников",
  due: "2026-12-20",
  daysLeft: 7,
  link: "/roadmaps",
  statutory: false,
});

describe("reminders under SES failures", async () => {
  const [a, b, c] = await Promise.all([createTestRegion(), createTestRegion(), createTestRegion()]);
  const source = {
    name: "fixed",
    collect: async (region: { regionId: string }) => {
      const entries = [a, b, c].filter((r) => r.region.regionId === region.regionId).map((r) => due(r.school.tenantId, "fault#2026-12-20"));
      return { entries, itemsRead: entries.length };
    },
  };

  it("retries transient failures, does not let a failing recipient block the others, and never duplicates", async () => {
    failures.permanent = a.users.curator.email;
    failures.transient = b.users.curator.email;
    failures.transientLeft = 4;
    const first = await system(() => runReminders({ date: "2026-12-13", sources: [source], policy }));
    expect(first.failed).toBe(1);
    expect(await mailTo(a.users.curator.email)).toHaveLength(0);
    expect(await mailTo(b.users.curator.email)).toHaveLength(1);
    expect(await mailTo(c.users.curator.email)).toHaveLength(1);

    // SES recovers: the failed reminder was released, so the next run delivers it, and only it.
    failures.permanent = "";
    const second = await system(() => runReminders({ date: "2026-12-13", sources: [source], policy }));
    expect(second.sent).toBeGreaterThanOrEqual(1);
    expect(await mailTo(a.users.curator.email)).toHaveLength(1);
    expect(await mailTo(b.users.curator.email)).toHaveLength(1);
    expect(await mailTo(c.users.curator.email)).toHaveLength(1);
  });
});
