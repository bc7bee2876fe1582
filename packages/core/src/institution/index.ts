import { useActor, useRegionID } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { VisibleError, notFound } from "../error";
import { createId } from "../id";
import { ruCompare } from "../ru";
import { assertCan } from "../permissions";
import { count, email, phone, text, version } from "../schemas";
import { transactWithSummaries } from "../stats/summary";
import * as z from "../zod";
import { type InstitutionStatus, institutionTypes } from "../labels";
import { InstitutionEntity } from "./institution.entity";
import { AuditEntity } from "../audit/audit.entity";
import { UniqueEntity } from "../region/region.entity";

export {
  type InstitutionStatus,
  type InstitutionType,
  institutionStatusLabels,
  institutionStatuses,
  institutionTypeLabels,
  institutionTypes,
} from "../labels";

const fields = {
  fullName: text("Полное наименование", 500),
  shortName: text("Краткое наименование", 200),
  type: z.enum(institutionTypes, { error: "Тип организации: школа, СПО, дополнительное образование или другая" }),
  municipality: text("Муниципалитет", 200),
  studentsTotal: count("Обучающихся всего"),
  students10to19: count("Из них в возрасте 10–19 лет"),
  students15to19: z.optional(count("Из них в возрасте 15–19 лет")),
  teachersTotal: count("Педагогов всего"),
  youngTeachers: count("Из них молодых специалистов (стаж 0–3 года)"),
  contactEmail: z.optional(email()),
  contactPhone: phone(),
};

type Headcounts = { studentsTotal: number; students10to19: number; students15to19?: number; teachersTotal: number; youngTeachers: number };

const headcountsConsistent = (value: Headcounts) => [
  ...(value.students15to19 !== undefined && value.students15to19 > value.students10to19
    ? [{ path: ["students15to19"], message: "Обучающихся 15–19 лет не может быть больше, чем обучающихся 10–19 лет" }]
    : []),
  ...(value.students10to19 > value.studentsTotal
    ? [{ path: ["students10to19"], message: "Обучающихся 10–19 лет не может быть больше, чем обучающихся всего" }]
    : []),
  ...(value.youngTeachers > value.teachersTotal
    ? [{ path: ["youngTeachers"], message: "Молодых специалистов не может быть больше, чем педагогов всего" }]
    : []),
];

function checkHeadcounts<T extends Headcounts>() {
  return z.superRefine<T>((value, ctx) => {
    for (const issue of headcountsConsistent(value))
      ctx.addIssue({ code: "custom", input: value, path: issue.path, message: issue.message });
  });
}

export const InstitutionInput = z.object(fields).check(checkHeadcounts());
export type InstitutionInput = z.infer<typeof InstitutionInput>;
export const InstitutionUpdate = z.object({ ...fields, version: version() }).check(checkHeadcounts());
export type InstitutionUpdate = z.infer<typeof InstitutionUpdate>;

export type InstitutionInfo = InstitutionInput & {
  tenantId: string;
  regionId: string;
  status: InstitutionStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
};

type Stored = Omit<InstitutionInfo, never>;
const toInfo = (row: Stored): InstitutionInfo => ({
  tenantId: row.tenantId,
  regionId: row.regionId,
  fullName: row.fullName,
  shortName: row.shortName,
  type: row.type,
  municipality: row.municipality,
  studentsTotal: row.studentsTotal,
  students10to19: row.students10to19,
  students15to19: row.students15to19,
  teachersTotal: row.teachersTotal,
  youngTeachers: row.youngTeachers,
  contactEmail: row.contactEmail,
  contactPhone: row.contactPhone,
  status: row.status,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

/** Names are unique within a region, compared without case, quotes or repeated spaces. */
export const normalizeName = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"'“”„]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The claims that keep an institution's full and short names unique in its region (compared as `normalizeName`). */
export const nameClaim = (regionId: string, fullName: string, ownerId: string) => ({
  scope: `${regionId}#institution-name`,
  value: normalizeName(fullName),
  ownerId,
});
export const shortNameClaim = (regionId: string, shortName: string, ownerId: string) => ({
  scope: `${regionId}#institution-short-name`,
  value: normalizeName(shortName),
  ownerId,
});

/** A name another institution of the region has: said at the form's field too. */
const taken = (code: string, path: "fullName" | "shortName", message: string) =>
  new VisibleError("conflict", code, message, { fields: [{ path, message }] });
const nameTaken = (name: string) => taken("institution.name_taken", "fullName", `Организация «${name}» уже есть в этом регионе`);
// The short name is what lists, reports and letters show: two alike could not be told apart.
const shortNameTaken = (name: string) =>
  taken("institution.short_name_taken", "shortName", `Краткое наименование «${name}» уже у другой организации этого региона`);

/** Which claim of a cancelled write failed: the reasons of its items, the claims' positions among them. */
const claimFailed = (reasons: string[], index: number | undefined) => index !== undefined && reasons[index] === "ConditionalCheckFailed";

export const Institution = {
  async create(input: InstitutionInput): Promise<InstitutionInfo> {
    assertCan("institutions.manage");
    return Institution.createInRegion(useRegionID(), input);
  },

  /** Creates an institution in a region: the institution item, its name claim and the audit event in one transaction. */
  async createInRegion(regionId: string, input: InstitutionInput): Promise<InstitutionInfo> {
    const tenantId = createId("institution");
    const now = nowIso();
    const item = { ...input, tenantId, regionId, status: "active" as const, createdAt: now, updatedAt: now, version: 1 };
    const result = await transactWithSummaries(
      { institution: InstitutionEntity, unique: UniqueEntity, audit: AuditEntity },
      ({ institution, unique, audit }) => [
        institution.create(item).commit(),
        unique.create(nameClaim(regionId, input.fullName, tenantId)).commit(),
        unique.create(shortNameClaim(regionId, input.shortName, tenantId)).commit(),
        audit.create(auditItem("institution.create", tenantId, { regionId })).commit(),
      ],
      [{ tenantId, regionId, institution: item }],
    );
    if (result.canceled) throw claimFailed(result.reasons, 1) ? nameTaken(input.fullName) : shortNameTaken(input.shortName);
    return toInfo(item);
  },

  async list(filter: { status?: InstitutionStatus } = {}): Promise<InstitutionInfo[]> {
    assertCan("institutions.read");
    const rows = await InstitutionEntity.query.byRegion({ regionId: useRegionID() }).go({ pages: "all" });
    return rows.data
      .filter((row) => !filter.status || row.status === filter.status)
      .map(toInfo)
      .sort((a, b) => ruCompare(a.shortName, b.shortName));
  },

  /** An institution of the actor's region; a foreign or missing one is the same 404. */
  async get(tenantId: string): Promise<InstitutionInfo> {
    assertCan("institutions.read");
    const row = (await InstitutionEntity.get({ tenantId }).go()).data;
    if (!row || row.regionId !== useRegionID()) throw notFound("institution.not_found", "Организация не найдена");
    return toInfo(row);
  },

  /** The signed-in institution user's own institution. */
  async own(): Promise<InstitutionInfo> {
    assertCan("institution.profile.read");
    const actor = useActor();
    const tenantId = actor.type === "user" ? actor.properties.tenantId : undefined;
    const row = tenantId ? (await InstitutionEntity.get({ tenantId }).go()).data : null;
    if (!row) throw notFound("institution.not_found", "Организация не найдена");
    return toInfo(row);
  },

  /** Trusted lookup (sign-in, jobs). */
  async find(tenantId: string): Promise<InstitutionInfo | undefined> {
    const row = (await InstitutionEntity.get({ tenantId }).go()).data;
    return row ? toInfo(row) : undefined;
  },

  async update(tenantId: string, input: InstitutionUpdate): Promise<InstitutionInfo> {
    assertCan("institutions.manage");
    const current = await Institution.get(tenantId);
    const { version: expected, ...changes } = input;
    if (current.version !== expected) throw staleVersion(current);
    const renamed = normalizeName(current.fullName) !== normalizeName(changes.fullName);
    const shortRenamed = normalizeName(current.shortName) !== normalizeName(changes.shortName);
    // The items' positions in the transaction: the patch, then the claims that move.
    const nameAt = renamed ? 1 : undefined;
    const shortNameAt = shortRenamed ? 1 + (renamed ? 2 : 0) : undefined;
    const updatedAt = nowIso();
    const result = await transactWithSummaries(
      { institution: InstitutionEntity, unique: UniqueEntity, audit: AuditEntity },
      ({ institution, unique, audit }) => [
        institution
          .patch({ tenantId })
          .set({ ...changes, updatedAt, version: expected + 1 })
          .where((attr, op) => op.eq(attr.version, expected))
          .commit(),
        ...(renamed
          ? [
              unique.create(nameClaim(current.regionId, changes.fullName, tenantId)).commit(),
              unique.delete(nameClaim(current.regionId, current.fullName, tenantId)).commit(),
            ]
          : []),
        ...(shortRenamed
          ? [
              unique.create(shortNameClaim(current.regionId, changes.shortName, tenantId)).commit(),
              unique.delete(shortNameClaim(current.regionId, current.shortName, tenantId)).commit(),
            ]
          : []),
        audit.create(auditItem("institution.update", tenantId, { regionId: current.regionId })).commit(),
      ],
      [{ tenantId, regionId: current.regionId, institution: { ...current, ...changes } }],
    );
    if (result.canceled) {
      const latest = await Institution.get(tenantId);
      if (latest.version !== expected) throw staleVersion(latest);
      if (claimFailed(result.reasons, shortNameAt) && !claimFailed(result.reasons, nameAt)) throw shortNameTaken(changes.shortName);
      throw nameTaken(changes.fullName);
    }
    return { ...current, ...changes, updatedAt, version: expected + 1 };
  },

  async setStatus(tenantId: string, status: InstitutionStatus): Promise<InstitutionInfo> {
    assertCan("institutions.manage");
    const current = await Institution.get(tenantId);
    if (current.status === "archived" && status !== "archived") {
      throw new VisibleError("conflict", "institution.archived", "Организация в архиве: её нельзя вернуть в работу");
    }
    const updatedAt = nowIso();
    const result = await transactWithSummaries(
      { institution: InstitutionEntity, audit: AuditEntity },
      ({ institution, audit }) => [
        institution
          .patch({ tenantId })
          .set({ status, updatedAt, version: current.version + 1 })
          .where((attr, op) => op.eq(attr.version, current.version))
          .commit(),
        audit.create(auditItem(`institution.${status}`, tenantId, { regionId: current.regionId })).commit(),
      ],
      [{ tenantId, regionId: current.regionId, institution: { ...current, status } }],
    );
    if (result.canceled) throw staleVersion(await Institution.get(tenantId));
    return { ...current, status, updatedAt, version: current.version + 1 };
  },
};

export function staleVersion(current: { version: number }) {
  return new VisibleError(
    "conflict",
    "record.stale_version",
    "Запись уже изменил другой пользователь. Обновите страницу и повторите изменения.",
    {
      current,
    },
  );
}
