/**
 * The bases of mentors and mentees of one institution: a realistic mix of categories and roles for its type, birth
 * dates (minors among pupils and students), contacts, requests and competences, partner organisations for employer
 * mentors, and accessibility flags. Rows are built exactly as `Participant.createMany` stores its input
 * (`newParticipantRow`), then changed as the later writes (consent, activation, withdrawal, erasure) change them.
 */
import type { EntityItem } from "electrodb";
import type { ParticipantCategory } from "@rnc/core/forms/catalogue";
import { addDays } from "@rnc/core/dates";
import {
  type ParticipantInput,
  type SensitiveFlag,
  anonymisedName,
  consentInForceFields,
  erasedConsentFields,
  erasedFields,
  newParticipantRow,
} from "@rnc/core/participant";
import type { ConsentEntity, ParticipantEntity } from "@rnc/core/participant/participant.entity";
import type { ParticipantForStats } from "@rnc/core/stats/contribution";
import { type Rng, apportion, at, idAt, later, maxDate } from "./random";
import * as texts from "./texts";

export type ParticipantRow = EntityItem<typeof ParticipantEntity>;
export type ConsentRow = EntityItem<typeof ConsentEntity>;

type Profile = {
  category: ParticipantCategory;
  mentor?: boolean;
  mentee?: boolean;
  age: [number, number];
  capacity?: [number, number];
  weight: number;
  /** Mentors from a partner organisation. */
  partner?: boolean;
  /** Share of mentors who are mentees too. */
  alsoMentee?: number;
};

/** The registry's composition by institution type (shares of the participants). */
export const profiles: Record<"school" | "college", Profile[]> = {
  school: [
    { category: "pupil", mentee: true, age: [10, 15], weight: 0.52 },
    { category: "pupil", mentor: true, age: [15, 17], capacity: [1, 2], weight: 0.2, alsoMentee: 0.1 },
    { category: "teacher", mentor: true, age: [30, 62], capacity: [1, 3], weight: 0.1 },
    { category: "head", mentor: true, age: [40, 60], capacity: [1, 2], weight: 0.015 },
    { category: "teacher", mentee: true, age: [26, 45], weight: 0.05 },
    { category: "young_specialist", mentee: true, age: [22, 27], weight: 0.08 },
  ],
  college: [
    { category: "student", mentee: true, age: [15, 19], weight: 0.38 },
    { category: "student", mentor: true, age: [18, 21], capacity: [1, 3], weight: 0.16, alsoMentee: 0.08 },
    { category: "pupil", mentee: true, age: [12, 16], weight: 0.08 },
    { category: "employer", mentor: true, age: [27, 55], capacity: [2, 5], weight: 0.06, partner: true },
    { category: "graduate", mentor: true, age: [20, 25], capacity: [1, 2], weight: 0.02, partner: true },
    { category: "teacher", mentor: true, age: [30, 62], capacity: [1, 4], weight: 0.1 },
    { category: "head", mentor: true, age: [40, 62], capacity: [1, 3], weight: 0.02 },
    { category: "teacher", mentee: true, age: [25, 45], weight: 0.06 },
    { category: "young_specialist", mentee: true, age: [22, 28], weight: 0.12 },
  ],
};

export type Person = {
  row: ParticipantRow;
  /** What the curator entered (checked against the product's schema for a sample). */
  input: ParticipantInput;
  createdDay: string;
  parent?: { name: string; relation: string };
  consents: ConsentRow[];
  /** The row as created (the counters its later changes touched start from it). */
  initial: ParticipantForStats;
  /** The first activation of a pair with this person (consent must come before it). */
  firstActivation?: string;
  /** Consent withdrawn (restricted) or data erased (anonymised) at this moment. */
  leaving?: { kind: "restricted" | "anonymised"; at: string };
};

const learner = (category: ParticipantCategory) => category === "pupil" || category === "student";

/** Cyrillic letter → Latin letters, for e-mail addresses. */
const translit: Record<string, string> = Object.fromEntries(
  "аa бb вv гg дd еe ёe жzh зz иi йy кk лl мm нn оo пp рr сs тt уu фf хkh цts чch шsh щshch ъ ыy ь эe юyu яya"
    .split(" ")
    .map((pair) => [pair[0], pair.slice(1)]),
);
const latin = (word: string) => [...word.toLowerCase()].map((c) => translit[c] ?? c).join("");

function birthOf(r: Rng, today: string, [from, to]: [number, number]) {
  const age = r.int(from, to);
  return addDays(today, -Math.floor(age * 365.25) - r.int(1, 364));
}

/** The input of one person, as the curator's form or the import sends it. */
function inputFor(r: Rng, profile: Profile, today: string, partners: string[], serial: number): ParticipantInput {
  const name = texts.fullName(r);
  const birthDate = birthOf(r, today, profile.age);
  const known = learner(profile.category) ? (r.chance(0.9) ? "date" : "year") : r.chance(0.7) ? "date" : r.chance(0.5) ? "year" : "none";
  const isMentor = profile.mentor === true;
  const isMentee = profile.mentee === true || (isMentor && r.chance(profile.alsoMentee ?? 0));
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const surname = latin(name.split(" ")[0] ?? "user");
  const adult = !learner(profile.category);
  const input: ParticipantInput = {
    fullName: name,
    category: profile.category,
    isMentor,
    isMentee,
    ...(known === "date" ? { birthDate } : known === "year" ? { birthYear: Number(birthDate.slice(0, 4)) } : {}),
  };
  if (profile.category === "pupil") {
    const grade = Math.min(11, Math.max(1, age - 6));
    input.group = `${grade}${r.pick(["А", "Б", "В", "Г"])}`;
  } else if (profile.category === "student") {
    const entered = Number(today.slice(2, 4)) - Math.min(3, Math.max(0, age - 16));
    input.group = `${r.pick(["ТМ", "ИС", "СВ", "БУ", "ЭЛ", "ПК"])}-${entered}${r.int(1, 2)}`;
  }
  if (adult || r.chance(0.5)) input.email = `${surname}.${serial}@mail.example`;
  if (adult ? r.chance(0.7) : r.chance(0.3)) input.phone = `+7 9${r.int(10, 99)} ${r.int(100, 999)}-${r.int(10, 99)}-${r.int(10, 99)}`;
  if (isMentee) {
    const pool =
      profile.category === "pupil" ? texts.pupilRequests : profile.category === "student" ? texts.studentRequests : texts.teacherRequests;
    input.requests = r.some(pool, r.int(1, 3));
    if (r.chance(0.3)) input.needs = r.pick(texts.needs);
    if (learner(profile.category) && r.chance(0.1)) {
      input.sensitiveFlags = r.some(
        ["ovz", "difficult_life", "low_income", "special_needs", "remote_area", "orphan"] as SensitiveFlag[],
        r.int(1, 2),
      );
    }
  }
  if (isMentor) {
    input.competences = r.some(texts.mentorCompetences, r.int(1, 3));
    if (adult && r.chance(0.6)) input.experience = r.pick(texts.experiences);
    const [min, max] = profile.capacity ?? [1, 1];
    const capacity = r.int(min, max);
    if (capacity > 1 || r.chance(0.3)) input.capacity = capacity;
    if (profile.partner) input.partnerOrg = r.pick(partners);
  }
  return input;
}

/**
 * The institution's participants: two intakes (last year's and this year's), each mostly one import (one timestamp,
 * as `createMany` writes it) and the rest added one by one over the following weeks.
 */
export function makePeople(
  r: Rng,
  options: { tenantId: string; type: "school" | "college"; count: number; today: string; intakes: [string, string]; partners: string[] },
): Person[] {
  const { tenantId, today } = options;
  const list = profiles[options.type];
  const counts = apportion(
    options.count,
    list.map((p) => p.weight),
  );
  const people: Person[] = [];
  const importedAt = options.intakes.map((day) => at(day, r));
  list.forEach((profile, p) => {
    for (let k = 0; k < (counts[p] ?? 0); k++) {
      const intake = r.chance(0.45) ? 0 : 1;
      const oneByOne = r.chance(0.3);
      const createdDay = oneByOne ? addDays(options.intakes[intake] as string, r.int(1, 20)) : (options.intakes[intake] as string);
      const createdAt = oneByOne ? at(createdDay, r) : (importedAt[intake] as string);
      const input = inputFor(r, profile, today, options.partners, people.length + 1);
      const row: ParticipantRow = newParticipantRow(input, tenantId, idAt("participant", createdAt), createdAt);
      const person: Person = { row, input, createdDay, consents: [], initial: { ...row } };
      if (learner(profile.category)) person.parent = texts.parentOf(r, input.fullName);
      people.push(person);
    }
  });
  return people;
}

/**
 * Records a consent at `recordedAt` (signed a few days before), as `Participant.addConsent` does: a minor's consent is
 * signed by the legal representative; the person's row gets the consent id and signer and a new version.
 */
export function addConsent(r: Rng, person: Person, recordedAt: string, minor: boolean) {
  const signedAt = addDays(recordedAt, -r.int(0, 5));
  const representative = minor && person.parent;
  const consent: ConsentRow = {
    signerKind: representative ? "legal_representative" : "self",
    ...(representative ? { representativeName: representative.name, representativeRelation: representative.relation } : {}),
    signedAt: maxDate(signedAt, person.createdDay),
    document: `Согласие на обработку персональных данных № ${r.int(1, 400)}`,
    ...(r.chance(0.3) ? { scanRef: `https://disk.example/consents/${person.row.participantId}.pdf` } : {}),
    tenantId: person.row.tenantId,
    participantId: person.row.participantId,
    consentId: idAt("consent", recordedAt),
    createdAt: recordedAt,
  };
  person.consents.push(consent);
  Object.assign(person.row, {
    consentId: consent.consentId,
    consentSigner: consent.signerKind,
    status: "active",
    updatedAt: recordedAt,
    version: person.row.version + 1,
  });
}

/** A moment for the consent: after the person was entered, before their first pair became active (or before today). */
export function consentMoment(r: Rng, person: Person, deadline: string): string {
  const earliest = later(person.row.createdAt, r, 60);
  const span = Date.parse(deadline) - Date.parse(earliest);
  if (span <= 60_000) return earliest;
  return new Date(Date.parse(earliest) + Math.floor(r() * span * 0.8)).toISOString();
}

/**
 * Withdrawal of the consent in force (status restricted) or erasure (anonymised) planned in `person.leaving`, as
 * `endParticipation` leaves the row: consent and signer removed, personal fields removed on erasure (the birth year
 * stays), the name replaced, a new version. The person's open pairs are ended by the pair story.
 */
export function applyLeaving(person: Person) {
  if (!person.leaving) return;
  const { kind, at: when } = person.leaving;
  const row = person.row as Record<string, unknown> & ParticipantRow;
  const consentId = row.consentId;
  for (const key of consentInForceFields) delete row[key];
  row.status = kind;
  row.updatedAt = when;
  row.version += 1;
  if (kind === "restricted") {
    const consent = person.consents.find((c) => c.consentId === consentId);
    if (consent) consent.withdrawnAt = when.slice(0, 10);
  } else {
    Object.assign(row, anonymisedName(row.participantId));
    for (const key of erasedFields) delete row[key];
    for (const consent of person.consents) for (const key of erasedConsentFields) delete consent[key];
  }
}
