import { Service } from "electrodb";
import { AuditEntity } from "./audit/audit.entity";
import { InvitationEntity, OneTimeSecretEntity, SessionEntity, ThrottleEntity } from "./auth/auth.entity";
import { InstitutionEntity } from "./institution/institution.entity";
import { RegionEntity, UniqueEntity } from "./region/region.entity";
import { UserEntity } from "./user/user.entity";

/** Every entity of the single table, joined for transactions that span them. */
export const db = new Service({
  region: RegionEntity,
  unique: UniqueEntity,
  institution: InstitutionEntity,
  user: UserEntity,
  invitation: InvitationEntity,
  session: SessionEntity,
  throttle: ThrottleEntity,
  otsecret: OneTimeSecretEntity,
  audit: AuditEntity,
});
