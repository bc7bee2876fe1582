import { type EntityItem, createConversions } from "electrodb";
import { getItems } from "../dynamo";
import { isId } from "../id";
import { ParticipantEntity } from "./participant.entity";

type ParticipantRow = EntityItem<typeof ParticipantEntity>;
type Attribute = keyof ParticipantRow & string;

/**
 * ElectroDB's key conversions (built on first use, like the entities): a key without a request builder each, which
 * costs about 20 µs (a pair board names a hundred or more members).
 */
let participantKeys: ReturnType<typeof createConversions<string, string, string, (typeof ParticipantEntity)["schema"]>> | undefined;

/**
 * Participants of one institution by id, only `attributes` of each (and `participantId`): one BatchGetItem per 100
 * ids, up to 8 at once, unprocessed keys retried (`getItems`). Ids repeated are read once; an id that is not a
 * participant id names no one and is not read. The answer has only the people found, by id.
 */
export async function readParticipantsById<const A extends readonly Attribute[]>(
  tenantId: string,
  ids: Iterable<string>,
  attributes: A,
  options: { consistent?: boolean } = {},
): Promise<Map<string, Pick<ParticipantRow, A[number] | "participantId">>> {
  const wanted = [...new Set(ids)].filter((id) => isId("participant", id));
  if (wanted.length === 0) return new Map();
  participantKeys ??= createConversions(ParticipantEntity);
  const keyOf = participantKeys.byAccessPattern.byId.fromComposite.toKeys;
  const read = [...new Set<Attribute>(["participantId", ...attributes])];
  const items = await getItems(
    wanted.map((participantId) => keyOf<{ pk: string; sk: string }>({ tenantId, participantId })),
    { consistent: options.consistent, attributes: read },
  );
  const rows = ParticipantEntity.parse({ Items: items.filter((item) => item !== undefined) }, { attributes: read }).data as Pick<
    ParticipantRow,
    A[number] | "participantId"
  >[];
  return new Map(rows.map((row) => [row.participantId, row]));
}
