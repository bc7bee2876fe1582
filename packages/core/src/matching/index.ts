import { useTenantID } from "../actor";
import { recordAudit } from "../audit";
import { VisibleError } from "../error";
import { enabledForms } from "../forms";
import { requireCard } from "../participant";
import { shortName } from "../participant/names";
import { ParticipantEntity } from "../participant/participant.entity";
import { assertCan } from "../permissions";
import { type Suggestion, rankMentors } from "./score";

export * from "./score";

export const Matching = {
  /** Mentors for a mentee, ranked, with reasons (one Get of the card, one Query of the registry). */
  async suggest(participantId: string, limit = 10): Promise<Suggestion[]> {
    assertCan("participants.read");
    const tenantId = useTenantID();
    const { participant: mentee } = await requireCard(tenantId, participantId);
    if (!mentee.isMentee) throw new VisibleError("input", "matching.not_mentee", "Подбор наставника доступен только для наставляемых");
    if (mentee.status !== "active") {
      throw new VisibleError("conflict", "matching.restricted", "Обработка данных участника ограничена: подбор недоступен");
    }
    const [{ enabled }, people] = await Promise.all([
      enabledForms(tenantId),
      ParticipantEntity.query.byTenant({ tenantId }).go({ pages: "all" }),
    ]);
    const mentors = people.data
      .filter((row) => row.isMentor)
      .map((row) => ({
        participantId: row.participantId,
        name: shortName(row.fullName),
        category: row.category,
        group: row.group,
        competences: row.competences ?? [],
        experience: row.experience,
        capacity: row.capacity ?? 1,
        activeMentees: row.activeMentees,
        available: row.status === "active",
      }));
    const ranked = rankMentors(
      { participantId, category: mentee.category, group: mentee.group, requests: mentee.requests ?? [], needs: mentee.needs },
      mentors,
      enabled,
    ).slice(0, limit);
    await recordAudit("matching.suggest", participantId, { tenantId });
    return ranked;
  },
};
