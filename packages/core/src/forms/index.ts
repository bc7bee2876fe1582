import { useTenantID } from "../actor";
import { auditItem } from "../audit";
import { nowIso } from "../auth/secret";
import { staleVersion } from "../institution";
import { InstitutionEntity } from "../institution/institution.entity";
import { assertCan } from "../permissions";
import { transactWithSummaries } from "../stats/summary";
import * as z from "../zod";
import { type FormCode, type FormDefinition, defaultFormsByType, formCatalogue, formCodes } from "./catalogue";
import { EnabledFormsEntity } from "./forms.entity";
import { AuditEntity } from "../audit/audit.entity";

export * from "./catalogue";

export const EnabledFormsInput = z.object({
  enabled: z.array(z.enum(formCodes, { error: "Неизвестная форма наставничества" })).check(
    z.minLength(1, { error: "Включите хотя бы одну форму наставничества" }),
    z.refine((codes) => new Set(codes).size === codes.length, { error: "Форма указана дважды" }),
  ),
  /** The version the choice was based on; 0 while the defaults are in force. */
  version: z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(0)),
});
export type EnabledFormsInput = z.infer<typeof EnabledFormsInput>;

export type FormsInfo = {
  catalogue: readonly FormDefinition[];
  enabled: FormCode[];
  /** True while the institution uses the defaults for its type. */
  isDefault: boolean;
  version: number;
};

/** The enabled forms of a tenant (trusted: the caller supplies the tenant from the actor). */
export async function enabledForms(tenantId: string): Promise<{ enabled: FormCode[]; isDefault: boolean; version: number }> {
  const row = (await EnabledFormsEntity.get({ tenantId }).go()).data;
  if (row)
    return {
      enabled: row.enabled.filter((code): code is FormCode => (formCodes as readonly string[]).includes(code)),
      isDefault: false,
      version: row.version,
    };
  const institution = (await InstitutionEntity.get({ tenantId }).go()).data;
  return { enabled: [...defaultFormsByType[institution?.type ?? "other"]], isDefault: true, version: 0 };
}

export const Forms = {
  async get(): Promise<FormsInfo> {
    assertCan("participants.read");
    return { catalogue: formCatalogue, ...(await enabledForms(useTenantID())) };
  },

  async setEnabled(input: EnabledFormsInput): Promise<FormsInfo> {
    assertCan("participants.write");
    const tenantId = useTenantID();
    const current = await enabledForms(tenantId);
    if (current.version !== input.version) {
      const state = { ...current, catalogue: formCatalogue };
      throw staleVersion(state);
    }
    const enabled = formCatalogue.map((f) => f.code).filter((code) => input.enabled.includes(code));
    const item = { tenantId, enabled, updatedAt: nowIso(), version: input.version + 1 };
    const result = await transactWithSummaries(
      { enabledForms: EnabledFormsEntity, audit: AuditEntity },
      ({ enabledForms: forms, audit }) => [
        input.version === 0
          ? forms.create(item).commit()
          : forms
              .patch({ tenantId })
              .set({ enabled, updatedAt: item.updatedAt, version: item.version })
              .where((attr, op) => op.eq(attr.version, input.version))
              .commit(),
        audit.create(auditItem("forms.update", tenantId, { tenantId })).commit(),
      ],
      [],
    );
    if (result.canceled) {
      const state = { ...(await enabledForms(tenantId)), catalogue: formCatalogue };
      throw staleVersion(state);
    }
    return { catalogue: formCatalogue, enabled, isDefault: false, version: item.version };
  },
};
