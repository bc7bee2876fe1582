/** Every institution of every region (Queries by region, no Scan): what the maintenance commands walk. */
export async function allTenants(): Promise<string[]> {
  const { RegionEntity } = await import("@rnc/core/region/region.entity");
  const { InstitutionEntity } = await import("@rnc/core/institution/institution.entity");
  const tenants: string[] = [];
  for (const region of (await RegionEntity.query.all({}).go({ pages: "all" })).data) {
    const institutions = await InstitutionEntity.query.byRegion({ regionId: region.regionId }).go({ pages: "all" });
    tenants.push(...institutions.data.map((i) => i.tenantId));
  }
  return tenants;
}
