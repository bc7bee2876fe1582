import { useState } from "react";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import type { Ok } from "../../api/client";
import { FormError } from "../../components/Form";
import { EmptyState } from "../../components/Status";
import { countOf } from "../../lib/plural";
import { useSubmit } from "../../lib/useSubmit";
import { todayIso } from "../../lib/format";
import { formLabels } from "./model";

type Suggestion = Ok<(typeof api.participants)[":participantId"]["mentor-suggestions"]["$get"]>["items"][number];

const placeNouns = ["свободное место", "свободных места", "свободных мест"] as const;

/** A default programme length: 9 months from today (programmes usually run 3–12 months). */
function inNineMonths(today: string): string {
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1 + 9, d ?? 1)).toISOString().slice(0, 10);
}

/**
 * Matching help on a mentee's card: mentors ranked by form fit, overlap of requests and competences, free places
 * and group, each with the reasons; the curator confirms one as a draft pair («Формируется»).
 */
export function MentorSuggestions({ participantId }: { participantId: string }) {
  const navigate = useNavigate();
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const load = useSubmit();
  const create = useSubmit();

  const onLoad = () =>
    load.run(async () => {
      const result = await unwrap(api.participants[":participantId"]["mentor-suggestions"].$get({ param: { participantId } }));
      setItems(result.items);
    });

  const onConfirm = (suggestion: Suggestion, form: Suggestion["forms"][number]) =>
    create.run(async () => {
      const today = todayIso();
      const created = await unwrap(
        api.pairs.$post({
          json: { form, mentorId: suggestion.participantId, menteeIds: [participantId], startDate: today, endDate: inNineMonths(today) },
        }),
      );
      navigate(`/pairs/${created.pair.pairId}`);
    });

  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Подбор наставника</h2>
      {items === null ? (
        <p>
          <button
            type="button"
            className="button secondary"
            aria-disabled={load.busy || undefined}
            onClick={() => !load.busy && void onLoad()}
          >
            {load.busy ? "Подбираем…" : "Подобрать наставника"}
          </button>
        </p>
      ) : items.length === 0 ? (
        <EmptyState title="Подходящих наставников нет">
          Проверьте, что в базе есть наставники с действующим согласием и свободными местами и что форма наставничества для этой пары
          используется в организации (раздел «Моя организация» → «Формы наставничества»).
        </EmptyState>
      ) : (
        <ol className="suggestions">
          {items.map((suggestion) => (
            <li key={suggestion.participantId} className="card">
              <h3>
                {suggestion.name} <span className="muted">— {countOf(suggestion.remaining, placeNouns)}</span>
              </h3>
              <ul>
                {suggestion.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <p className="actions">
                {suggestion.forms.map((form) => (
                  <button
                    key={form}
                    type="button"
                    className="button secondary"
                    aria-disabled={create.busy || undefined}
                    onClick={() => !create.busy && void onConfirm(suggestion, form)}
                  >
                    Создать пару «{formLabels[form]}» (черновик)
                  </button>
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
      <FormError error={load.error ?? create.error} />
    </section>
  );
}
