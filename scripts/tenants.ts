/** Every institution of every region (Queries by region, no Scan): what the maintenance commands walk. */
export async function allTenants(): Promise<{ tenantId: string; regionId: string }[]> {
  const { RegionEntity } = await import("@rnc/core/region/region.entity");
  const { InstitutionEntity } = await import("@rnc/core/institution/institution.entity");
  const tenants: { tenantId: string; regionId: string }[] = [];
  for (const region of (await RegionEntity.query.all({}).go({ pages: "all" })).data) {
    const institutions = await InstitutionEntity.query.byRegion({ regionId: region.regionId }).go({ pages: "all" });
    tenants.push(...institutions.data.map((i) => ({ tenantId: i.tenantId, regionId: region.regionId })));
  }
  return tenants;
}
