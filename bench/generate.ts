/**
 * Synthetic region for the benchmarks: the same items the product's own write paths produce,
 * written with batch puts for speed. Core modules are imported after the environment is set.
 */
import { type Role, createId } from "@rnc/core";

export type Scale = { institutions: number; participantsPerInstitution: number };

export type GeneratedRegion = {
  regionId: string;
  tenants: string[];
  users: { regionAdmin: UserRef; curators: UserRef[] };
  itemsWritten: number;
  seconds: number;
};
type UserRef = { userId: string; email: string; role: Role; regionId?: string; tenantId?: string };

const municipalities = [
  "Городской округ Северный",
  "Южный муниципальный район",
  "Восточный район",
  "Западный городской округ",
  "Центральный район",
];

export async function generateRegion(scale: Scale): Promise<GeneratedRegion> {
  const started = performance.now();
  const { Region } = await import("@rnc/core/region");
  const { InstitutionEntity } = await import("@rnc/core/institution/institution.entity");
  const { UniqueEntity } = await import("@rnc/core/region/region.entity");
  const { UserEntity } = await import("@rnc/core/user/user.entity");
  const { normalizeName } = await import("@rnc/core/institution");
  const { withActor } = await import("@rnc/core");

  const region = await withActor({ type: "system", properties: {} }, () =>
    Region.create({ name: `Бенчмарк-регион ${Date.now()}`, code: `b${Date.now().toString(36)}`.slice(0, 16), timeZone: "Europe/Moscow" }),
  );
  const now = new Date().toISOString();
  const institutions = Array.from({ length: scale.institutions }, (_, i) => {
    const isSchool = i % 3 !== 0;
    const fullName = isSchool
      ? `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${i + 1}»`
      : `ГБПОУ «Колледж № ${i + 1}»`;
    return {
      tenantId: createId("institution"),
      regionId: region.regionId,
      fullName,
      shortName: isSchool ? `МБОУ СШ № ${i + 1}` : `Колледж № ${i + 1}`,
      type: isSchool ? ("school" as const) : ("college" as const),
      municipality: municipalities[i % municipalities.length] ?? "Район",
      studentsTotal: 600 + (i % 400),
      students10to19: 400 + (i % 200),
      teachersTotal: 50 + (i % 30),
      youngTeachers: 5 + (i % 10),
      status: "active" as const,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  });
  const claims = institutions.map((i) => ({
    scope: `${region.regionId}#institution-name`,
    value: normalizeName(i.fullName),
    ownerId: i.tenantId,
  }));
  const user = (role: Role, index: number, tenantId?: string) => ({
    userId: createId("user"),
    email: `${role}.${index}.${region.regionId}@bench.local`,
    fullName: `Пользователь ${index}`,
    role,
    scope: tenantId ?? region.regionId,
    regionId: region.regionId,
    tenantId,
    status: "active" as const,
    createdAt: now,
    updatedAt: now,
  });
  const regionAdmin = user("region_admin", 0);
  const curators = institutions.map((i, index) => user("curator", index + 1, i.tenantId));
  const emailClaims = [regionAdmin, ...curators].map((u) => ({ scope: "email", value: u.email, ownerId: u.userId }));

  await InstitutionEntity.put(institutions).go({ concurrency: 4 });
  await UniqueEntity.put([...claims, ...emailClaims]).go({ concurrency: 4 });
  await UserEntity.put([regionAdmin, ...curators]).go({ concurrency: 4 });
  const { generateRegionStatistics } = await import("./generate-stats");
  const statistics = await generateRegionStatistics(region.regionId, institutions, scale.participantsPerInstitution);

  return {
    regionId: region.regionId,
    tenants: institutions.map((i) => i.tenantId),
    users: { regionAdmin, curators },
    itemsWritten: 1 + institutions.length * 2 + (curators.length + 1) * 2 + statistics.itemsWritten,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
