/**
 * `npm run bench:resilience [-- --seconds 60 --clients 100 --institutions 4]`: the long resilience check of issue 9.
 * Starts the local stack in a child process, seeds a small region (institutions, users, roadmaps through the product's
 * verbs; participants over HTTP), then runs a closed loop of `clients` concurrent clients for `seconds` with a mix of
 * reads and writes over HTTP (participants create/update, pairs create/update, roadmap item status changes, lists and
 * cards). Some edits deliberately send a stale version: their 409 `record.stale_version` is expected and counted apart,
 * as are 409s lost in a race; anything ≥ 500, a network error or any other 4xx is an error. Afterwards every
 * institution's counters are recomputed from scratch (`Stats.check`) and compared with what the load wrote: nothing
 * lost, nothing doubled. Writes bench/results/resilience.json; exits non-zero on any error or mismatch.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startBenchStack } from "./stack";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "100" },
    institutions: { type: "string", default: "4" },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const institutionCount = Number(values.institutions);

const stack = await startBenchStack();

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read loosely by the load generator
type Answer = { status: number; json: Record<string, any> | undefined };
type Tally = { ok: number; staleDeliberate: number; staleRace: number; errors: number; byStatus: Record<string, number> };
type Known = { version: number; body: Record<string, unknown>; updates: number };
type Place = {
  tenantId: string;
  headers: Record<string, string>[];
  seededParticipants: number;
  created: number;
  pairsCreated: number;
  editable: Map<string, Known>;
  mentors: { participantId: string; load: number }[];
  freeMentees: string[];
  pairs: Map<string, Known>;
  participantIds: string[];
  roadmapId: string;
  items: Map<string, Known>;
};

const today = new Date().toISOString().slice(0, 10);
const tally: Record<string, Tally> = {};
const unexpected: { operation: string; status: number; body: string }[] = [];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

async function request(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Answer["json"];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/** Records an answer; `expect` lists the success statuses. Returns the kind of outcome. */
function record(operation: string, answer: Answer | Error, expect: number[], deliberatelyStale = false) {
  tally[operation] ??= { ok: 0, staleDeliberate: 0, staleRace: 0, errors: 0, byStatus: {} };
  const t = tally[operation];
  const status = answer instanceof Error ? "network" : String(answer.status);
  t.byStatus[status] = (t.byStatus[status] ?? 0) + 1;
  if (!(answer instanceof Error)) {
    if (expect.includes(answer.status) && !deliberatelyStale) {
      t.ok++;
      return "ok" as const;
    }
    if (answer.status === 409 && answer.json?.error?.code === "record.stale_version") {
      if (deliberatelyStale) t.staleDeliberate++;
      else t.staleRace++;
      return "stale" as const;
    }
  }
  t.errors++;
  if (unexpected.length < 50) {
    unexpected.push({
      operation,
      status: answer instanceof Error ? 0 : answer.status,
      body: answer instanceof Error ? answer.message : JSON.stringify(answer.json).slice(0, 300),
    });
  }
  return "error" as const;
}

const withRetry = async (fn: () => Promise<Answer>) => {
  try {
    return await fn();
  } catch (error) {
    return error as Error;
  }
};

// ----------------------------------------------------------------------------------------------------------------
// Seed: a region, institutions, a curator and a staff member each, a roadmap each; participants over HTTP.

const { withActor } = await import("@rnc/core");
const { Region } = await import("@rnc/core/region");
const { Institution } = await import("@rnc/core/institution");
const { User } = await import("@rnc/core/user");
const { Roadmap } = await import("@rnc/core/roadmap");
const { Stats } = await import("@rnc/core/stats");
const { signAccessToken } = await import("@rnc/core/auth/token");
const system = <T>(fn: () => Promise<T>) => withActor({ type: "system", properties: {} }, fn);

const seedStarted = performance.now();
const region = await system(() =>
  Region.create({ name: `Регион устойчивости ${Date.now()}`, code: `r${Date.now().toString(36)}`.slice(0, 16), timeZone: "Europe/Moscow" }),
);
const places: Place[] = [];
for (let i = 0; i < institutionCount; i++) {
  const institution = await system(() =>
    Institution.createInRegion(region.regionId, {
      fullName: `МБОУ «Школа устойчивости № ${i + 1}»`,
      shortName: `Школа № ${i + 1}`,
      type: "school",
      municipality: "Городской округ",
      studentsTotal: 800,
      students10to19: 500,
      teachersTotal: 60,
      youngTeachers: 8,
    }),
  );
  const where = { regionId: region.regionId, tenantId: institution.tenantId };
  const users = await system(async () => [
    await User.create({ email: `curator.${i}.${region.regionId}@bench.local`, fullName: "Куратор", role: "curator", ...where }),
    await User.create({ email: `staff.${i}.${region.regionId}@bench.local`, fullName: "Сотрудник", role: "staff", ...where }),
  ]);
  const headers = await Promise.all(
    users.map(async (user) => ({
      authorization: `Bearer ${await signAccessToken({ userId: user.userId, email: user.email, role: user.role, regionId: user.regionId, tenantId: user.tenantId })}`,
    })),
  );
  const lines = Array.from({ length: 6 }, (_, k) => `1.${k + 1}\tМероприятие ${k + 1}\tДо ${String(k + 1).padStart(2, "0")}.12.2026`);
  const roadmap = await withActor({ type: "system", properties: where }, () =>
    Roadmap.importTable({
      text: ["№ п/п\tНаименование мероприятий\tСрок реализации", "1.\tОрганизационный раздел\t", ...lines].join("\n"),
      period: "2026/27",
      title: "Дорожная карта",
    }),
  );
  const items = new Map<string, Known>(
    roadmap.sections.flatMap((s) => s.items).map((item) => [item.itemId, { version: item.version, body: {}, updates: 0 }]),
  );
  const place: Place = {
    tenantId: institution.tenantId,
    headers,
    seededParticipants: 0,
    created: 0,
    pairsCreated: 0,
    editable: new Map(),
    mentors: [],
    freeMentees: [],
    pairs: new Map(),
    participantIds: [],
    roadmapId: roadmap.roadmapId,
    items,
  };
  const curator = headers[0] as Record<string, string>;
  for (let k = 0; k < 12; k++) {
    const mentor = k < 4;
    const body = {
      fullName: `${mentor ? "Наставников" : "Редактируемов"} Участник ${k + 1}`,
      birthDate: mentor ? "1980-05-05" : "1995-06-06",
      category: mentor ? "teacher" : "young_specialist",
      isMentor: mentor,
      isMentee: !mentor,
      ...(mentor ? { capacity: 20, competences: ["методика"] } : {}),
    };
    const res = await request("POST", "/api/participants", curator, body);
    if (res.status !== 201) throw new Error(`seeding a participant: ${res.status} ${JSON.stringify(res.json)}`);
    place.seededParticipants++;
    place.participantIds.push(res.json?.participantId);
    if (mentor) place.mentors.push({ participantId: res.json?.participantId, load: 0 });
    else place.editable.set(res.json?.participantId, { version: res.json?.version, body, updates: 0 });
  }
  places.push(place);
}
const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
console.log(`Seeded ${places.length} institutions (12 participants, 6 roadmap items each) in ${seedSeconds} s`);

// ----------------------------------------------------------------------------------------------------------------
// The load.

let serial = 0;
const operations: { weight: number; run: (place: Place, headers: Record<string, string>) => Promise<void> }[] = [
  {
    weight: 18,
    run: async (_p, h) => void record("participants.list", await withRetry(() => request("GET", "/api/participants", h)), [200]),
  },
  {
    weight: 10,
    run: async (p, h) =>
      void record("participants.card", await withRetry(() => request("GET", `/api/participants/${pick(p.participantIds)}`, h)), [200]),
  },
  { weight: 8, run: async (_p, h) => void record("pairs.board", await withRetry(() => request("GET", "/api/pairs/board", h)), [200]) },
  {
    weight: 8,
    run: async (p, h) => void record("roadmap.get", await withRetry(() => request("GET", `/api/roadmaps/${p.roadmapId}`, h)), [200]),
  },
  {
    weight: 12,
    run: async (p, h) => {
      const n = ++serial;
      const mentor = n % 5 === 0;
      const body = {
        fullName: `${mentor ? "Новонаставников" : "Новичков"} Участник ${n}`,
        birthDate: mentor ? "1979-01-01" : "1998-02-02",
        category: mentor ? "teacher" : "young_specialist",
        isMentor: mentor,
        isMentee: !mentor,
        ...(mentor ? { capacity: 20 } : {}),
      };
      const res = await withRetry(() => request("POST", "/api/participants", h, body));
      if (record("participants.create", res, [201]) !== "ok" || res instanceof Error) return;
      p.created++;
      p.participantIds.push(res.json?.participantId);
      if (mentor) p.mentors.push({ participantId: res.json?.participantId, load: 0 });
      else p.freeMentees.push(res.json?.participantId);
    },
  },
  {
    weight: 14,
    run: async (p, h) => {
      const [participantId, known] = pick([...p.editable.entries()]);
      // One edit in ten deliberately sends an outdated version: the 409 is expected.
      const stale = known.version > 1 && Math.random() < 0.1;
      const body = {
        ...known.body,
        needs: `Потребность ${++serial}`,
        category: Math.random() < 0.5 ? "young_specialist" : "teacher",
        version: stale ? known.version - 1 : known.version,
      };
      const res = await withRetry(() => request("PUT", `/api/participants/${participantId}`, h, body));
      const outcome = record(stale ? "participants.update (stale on purpose)" : "participants.update", res, [200], stale);
      if (res instanceof Error) return;
      if (outcome === "ok") {
        known.version = res.json?.version;
        known.updates++;
      } else if (outcome === "stale" && (res.json?.error?.details?.current?.version ?? 0) > known.version) {
        known.version = res.json?.error.details.current.version;
      }
    },
  },
  {
    weight: 8,
    run: async (p, h) => {
      const menteeId = p.freeMentees.shift();
      const mentor = p.mentors.find((m) => m.load < 20);
      if (!menteeId || !mentor) return void record("pairs.board", await withRetry(() => request("GET", "/api/pairs/board", h)), [200]);
      mentor.load++;
      const body = {
        form: "teacher_young_teacher",
        mentorId: mentor.participantId,
        menteeIds: [menteeId],
        startDate: today,
        endDate: "2027-06-30",
        note: "Пара нагрузки",
      };
      const res = await withRetry(() => request("POST", "/api/pairs", h, body));
      if (record("pairs.create", res, [201]) !== "ok" || res instanceof Error) return;
      p.pairsCreated++;
      const pair = res.json?.pair ?? res.json;
      p.pairs.set(pair.pairId, {
        version: pair.version,
        body: { form: body.form, startDate: body.startDate, endDate: body.endDate },
        updates: 0,
      });
    },
  },
  {
    weight: 6,
    run: async (p, h) => {
      if (p.pairs.size === 0) return void record("pairs.board", await withRetry(() => request("GET", "/api/pairs/board", h)), [200]);
      const [pairId, known] = pick([...p.pairs.entries()]);
      const stale = known.version > 1 && Math.random() < 0.1;
      const res = await withRetry(() =>
        request("PUT", `/api/pairs/${pairId}`, h, {
          ...known.body,
          note: `Заметка ${++serial}`,
          version: stale ? known.version - 1 : known.version,
        }),
      );
      const outcome = record(stale ? "pairs.update (stale on purpose)" : "pairs.update", res, [200], stale);
      if (res instanceof Error) return;
      if (outcome === "ok") {
        known.version = res.json?.pair?.version;
        known.updates++;
      } else if (outcome === "stale" && (res.json?.error?.details?.current?.version ?? 0) > known.version) {
        known.version = res.json?.error.details.current.version;
      }
    },
  },
  {
    weight: 12,
    run: async (p, h) => {
      const [itemId, known] = pick([...p.items.entries()]);
      const stale = known.version > 1 && Math.random() < 0.1;
      const res = await withRetry(() =>
        request("PATCH", `/api/roadmaps/${p.roadmapId}/items/${itemId}`, h, {
          status: pick(["planned", "in_progress", "done"]),
          version: stale ? known.version - 1 : known.version,
        }),
      );
      const outcome = record(stale ? "roadmap.item.status (stale on purpose)" : "roadmap.item.status", res, [200], stale);
      if (res instanceof Error) return;
      if (outcome === "ok") {
        known.version = res.json?.version;
        known.updates++;
      } else if (outcome === "stale" && (res.json?.error?.details?.current?.version ?? 0) > known.version) {
        known.version = res.json?.error.details.current.version;
      }
    },
  },
];
const totalWeight = operations.reduce((n, o) => n + o.weight, 0);
const choose = () => {
  let r = Math.random() * totalWeight;
  for (const operation of operations) {
    r -= operation.weight;
    if (r < 0) return operation;
  }
  return operations[0] as (typeof operations)[number];
};

console.log(`Load: ${clients} clients for ${seconds} s…`);
const latencies: number[] = [];
const deadline = performance.now() + seconds * 1000;
const loadStarted = performance.now();
await Promise.all(
  Array.from({ length: clients }, async (_, i) => {
    const place = places[i % places.length] as Place;
    const headers = place.headers[i % 2] as Record<string, string>;
    while (performance.now() < deadline) {
      const start = performance.now();
      await choose().run(place, headers);
      latencies.push(performance.now() - start);
    }
  }),
);
const loadSeconds = (performance.now() - loadStarted) / 1000;

// ----------------------------------------------------------------------------------------------------------------
// The recount: counters against a recomputation from scratch, and against what the load wrote.

const mismatches: string[] = [];
const recount = [];
for (const place of places) {
  const check = await system(() => Stats.check(place.tenantId));
  const counts = await system(() => Stats.counts(place.tenantId));
  const recomputed = await system(() => Stats.recompute(place.tenantId));
  const expectedParticipants = place.seededParticipants + place.created;
  const pairsCounted = Object.entries(counts)
    .filter(([key]) => key.startsWith("pairs#"))
    .reduce((n, [, v]) => n + v, 0);
  if (check.differences.length) mismatches.push(`${place.tenantId}: counters differ from a recount: ${JSON.stringify(check.differences)}`);
  if (counts.participants !== expectedParticipants || recomputed.participants !== expectedParticipants) {
    mismatches.push(
      `${place.tenantId}: participants counter ${counts.participants}, items ${recomputed.participants}, created ${expectedParticipants}`,
    );
  }
  if (pairsCounted !== place.pairsCreated)
    mismatches.push(`${place.tenantId}: pairs counted ${pairsCounted}, created ${place.pairsCreated}`);
  // Every acknowledged edit is there exactly once: a record's version is its first version plus its successful edits.
  const curator = place.headers[0] as Record<string, string>;
  let versionsChecked = 0;
  for (const [participantId, known] of place.editable) {
    const card = await request("GET", `/api/participants/${participantId}`, curator);
    if (card.json?.participant?.version !== 1 + known.updates) {
      mismatches.push(
        `${participantId}: version ${card.json?.participant?.version}, expected ${1 + known.updates} (1 + acknowledged edits)`,
      );
    }
    versionsChecked++;
  }
  for (const [pairId, known] of place.pairs) {
    const page = await request("GET", `/api/pairs/${pairId}`, curator);
    if (page.json?.pair?.version !== 1 + known.updates) {
      mismatches.push(`${pairId}: version ${page.json?.pair?.version}, expected ${1 + known.updates}`);
    }
    versionsChecked++;
  }
  const detail = await request("GET", `/api/roadmaps/${place.roadmapId}`, curator);
  for (const item of (detail.json?.sections ?? []).flatMap((s: { items: { itemId: string; version: number }[] }) => s.items)) {
    const known = place.items.get(item.itemId);
    if (known && item.version !== 1 + known.updates)
      mismatches.push(`${item.itemId}: version ${item.version}, expected ${1 + known.updates}`);
    versionsChecked++;
  }
  recount.push({
    tenantId: place.tenantId,
    participants: {
      counter: counts.participants,
      items: recomputed.participants,
      seeded: place.seededParticipants,
      created: place.created,
    },
    pairs: { counted: pairsCounted, created: place.pairsCreated },
    differences: check.differences,
    versionsChecked,
  });
}

const sorted = [...latencies].sort((a, b) => a - b);
const percentile = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
const sum = (key: keyof Omit<Tally, "byStatus">) => Object.values(tally).reduce((n, t) => n + t[key], 0);
const byStatus: Record<string, number> = {};
for (const t of Object.values(tally)) for (const [status, n] of Object.entries(t.byStatus)) byStatus[status] = (byStatus[status] ?? 0) + n;
const results = {
  at: new Date().toISOString(),
  settings: { seconds, clients, institutions: institutionCount },
  requests: latencies.length,
  throughput: Math.round(latencies.length / loadSeconds),
  latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99), max: Math.round((sorted.at(-1) ?? 0) * 10) / 10 },
  ok: sum("ok"),
  staleDeliberate: sum("staleDeliberate"),
  staleRace: sum("staleRace"),
  errors: sum("errors"),
  byStatus,
  byOperation: tally,
  unexpected,
  recount,
  mismatches,
  passed: sum("errors") === 0 && mismatches.length === 0,
};
mkdirSync(new URL("./results/", import.meta.url).pathname, { recursive: true });
writeFileSync(new URL("./results/resilience.json", import.meta.url).pathname, `${JSON.stringify(results, null, 2)}\n`);

console.log(
  `Requests ${results.requests} (${results.throughput}/s), p50 ${results.latencyMs.p50} ms, p95 ${results.latencyMs.p95} ms, p99 ${results.latencyMs.p99} ms`,
);
console.log(`By status: ${JSON.stringify(byStatus)}`);
console.log(
  `OK ${results.ok}, 409 stale on purpose ${results.staleDeliberate}, 409 stale lost in a race ${results.staleRace}, errors ${results.errors}`,
);
for (const [operation, t] of Object.entries(tally)) console.log(`  ${operation.padEnd(40)} ${JSON.stringify(t.byStatus)}`);
for (const r of recount) {
  console.log(
    `Recount ${r.tenantId}: participants ${r.participants.counter} (items ${r.participants.items}, ${r.participants.seeded} seeded + ${r.participants.created} created), pairs ${r.pairs.counted}/${r.pairs.created}, drift ${r.differences.length}, versions checked ${r.versionsChecked}`,
  );
}
if (unexpected.length) console.log("Unexpected answers:", unexpected.slice(0, 10));
if (mismatches.length) console.log("Mismatches:", mismatches.slice(0, 20));
console.log(results.passed ? "PASSED" : "FAILED");
await stack.stop();
process.exit(results.passed ? 0 : 1);
