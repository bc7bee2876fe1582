import { rewardLevelOf, rewardMeasureLabels } from "@rnc/core/reward/labels";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { Async } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";

/** A mentor's rewards on their card, the latest first; they are recorded on the «Поощрения наставников» page. */
export function MentorRewards({ participantId }: { participantId: string }) {
  const rewards = useResource(() => unwrap(api.rewards.$get({ query: { participantId } })), [participantId]);
  return (
    <section aria-labelledby="mentor-rewards-title">
      <h2 id="mentor-rewards-title">Поощрения</h2>
      <Async resource={rewards}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Поощрений пока нет.</p>
          ) : (
            <ul>
              {items.map((reward) => (
                <li key={reward.rewardId}>
                  {formatDate(reward.date)} — {rewardMeasureLabels[reward.measure]} ({rewardLevelOf[reward.level]})
                  {reward.basis && <span className="sub">{reward.basis}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <p>
        <Link to="/rewards">Все поощрения наставников</Link>
      </p>
    </section>
  );
}
