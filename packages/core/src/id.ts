import { ulid } from "ulid";

/** Id prefixes: the kind of an id is readable in logs and URLs; the ULID part sorts by creation time. */
export const idPrefixes = {
  region: "reg",
  institution: "org",
  user: "usr",
  invitation: "inv",
  session: "ses",
  audit: "aud",
  request: "req",
  import: "imp",
  participant: "ptc",
  consent: "cns",
  pair: "par",
  meeting: "mtg",
  task: "tsk",
  campaign: "cmp",
  event: "evt",
  survey: "srv",
  surveyLink: "lnk",
  surveyResponse: "rsp",
  roadmap: "rmp",
  roadmapSection: "rms",
  roadmapItem: "rmi",
  export: "exp",
} as const;

export type IdKind = keyof typeof idPrefixes;

export function createId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${ulid().toLowerCase()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${idPrefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
