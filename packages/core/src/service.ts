import { Service } from "electrodb";
import { lazyEntity } from "./lazy-entity";
import { AuditEntity } from "./audit/audit.entity";
import { InvitationEntity, OneTimeSecretEntity, SessionEntity, ThrottleEntity } from "./auth/auth.entity";
import { InstitutionEntity } from "./institution/institution.entity";
import { EnabledFormsEntity } from "./forms/forms.entity";
import { MeetingEntity, PairQuietEntity, PairEntity, PlanEntity } from "./pair/pair.entity";
import { ConsentEntity, MembershipEntity, ParticipantEntity } from "./participant/participant.entity";
import { KpiTargetsEntity } from "./kpi/kpi.entity";
import { CampaignEntity, SubmissionEntity, SubmissionEventEntity } from "./monitoring/monitoring.entity";
import { PracticeEntity } from "./practice/practice.entity";
import { RegionEntity, UniqueEntity } from "./region/region.entity";
import { TrainingEntity } from "./training/training.entity";
import { PartnerEntity } from "./partner/partner.entity";
import { RewardEntity } from "./reward/reward.entity";
import { PublicationEntity } from "./publication/publication.entity";
import { AccessMeasureEntity } from "./accessibility/access-measure.entity";
import { ExportEntity } from "./reports/reports.entity";
import {
  RoadmapCalendarEntity,
  RoadmapEntity,
  RoadmapItemEntity,
  RoadmapPendingEntity,
  RoadmapSectionEntity,
  RoadmapTemplateEntity,
} from "./roadmap/roadmap.entity";
import { SurveyEntity, SurveyLinkEntity, SurveyDueEntity, SurveyResponseEntity } from "./survey/survey.entity";
import { UserEntity } from "./user/user.entity";

/**
 * Every entity of the single table, joined for transactions that span them. Joined on first use (joining builds
 * every entity), so a cold start that does not write a transaction builds none.
 */
export const db = lazyEntity(
  () =>
    new Service({
      region: RegionEntity,
      unique: UniqueEntity,
      institution: InstitutionEntity,
      user: UserEntity,
      invitation: InvitationEntity,
      session: SessionEntity,
      throttle: ThrottleEntity,
      otsecret: OneTimeSecretEntity,
      audit: AuditEntity,
      participant: ParticipantEntity,
      consent: ConsentEntity,
      membership: MembershipEntity,
      pair: PairEntity,
      plan: PlanEntity,
      meeting: MeetingEntity,
      pairQuiet: PairQuietEntity,
      enabledForms: EnabledFormsEntity,
      kpiTargets: KpiTargetsEntity,
      campaign: CampaignEntity,
      submission: SubmissionEntity,
      submissionEvent: SubmissionEventEntity,
      survey: SurveyEntity,
      surveyLink: SurveyLinkEntity,
      surveyResponse: SurveyResponseEntity,
      surveyDue: SurveyDueEntity,
      roadmap: RoadmapEntity,
      roadmapSection: RoadmapSectionEntity,
      roadmapItem: RoadmapItemEntity,
      roadmapTemplate: RoadmapTemplateEntity,
      roadmapCalendar: RoadmapCalendarEntity,
      roadmapPending: RoadmapPendingEntity,
      export: ExportEntity,
      practice: PracticeEntity,
      training: TrainingEntity,
      partner: PartnerEntity,
      reward: RewardEntity,
      publication: PublicationEntity,
      accessMeasure: AccessMeasureEntity,
    }),
);
