/**
 * The catalogue of forms of mentoring (DOMAIN.md §2.2) and the participant categories they allow.
 * Pure data and rules: no storage, so the fit rules are unit-tested directly.
 */
import type { institutionTypes } from "../institution/institution.entity";

type InstitutionType = (typeof institutionTypes)[number];

export const participantCategories = ["pupil", "student", "teacher", "young_specialist", "head", "graduate", "employer", "parent"] as const;
export type ParticipantCategory = (typeof participantCategories)[number];

export const categoryLabels: Record<ParticipantCategory, string> = {
  pupil: "Обучающийся (ученик)",
  student: "Обучающийся (студент)",
  teacher: "Педагог",
  young_specialist: "Молодой специалист (стаж 0–3 года)",
  head: "Руководитель организации",
  graduate: "Выпускник",
  employer: "Представитель работодателя / организации-партнёра",
  parent: "Родитель",
};

export const formCodes = [
  "pupil_pupil",
  "teacher_teacher",
  "student_student",
  "student_pupil",
  "employer_student",
  "teacher_student",
  "head_teacher",
  "teacher_young_teacher",
] as const;
export type FormCode = (typeof formCodes)[number];

export type FormDefinition = {
  code: FormCode;
  /** The catalogue number of DOMAIN.md §2.2 (F1–F8). */
  number: string;
  label: string;
  mentorCategories: readonly ParticipantCategory[];
  menteeCategories: readonly ParticipantCategory[];
  /** Peer forms: mentor and mentee are learners; a mentor from the mentee's own class or group is discouraged. */
  peer: boolean;
};

export const formCatalogue: readonly FormDefinition[] = [
  { code: "pupil_pupil", number: "F1", label: "Ученик – ученик", mentorCategories: ["pupil"], menteeCategories: ["pupil"], peer: true },
  {
    code: "teacher_teacher",
    number: "F2",
    label: "Учитель – учитель (педагог – педагог)",
    mentorCategories: ["teacher", "head"],
    menteeCategories: ["teacher", "young_specialist"],
    peer: false,
  },
  {
    code: "student_student",
    number: "F3",
    label: "Студент – студент",
    mentorCategories: ["student"],
    menteeCategories: ["student"],
    peer: true,
  },
  {
    code: "student_pupil",
    number: "F4",
    label: "Студент – ученик",
    mentorCategories: ["student"],
    menteeCategories: ["pupil"],
    peer: false,
  },
  {
    code: "employer_student",
    number: "F5",
    label: "Работодатель – студент",
    mentorCategories: ["employer", "graduate"],
    menteeCategories: ["student"],
    peer: false,
  },
  {
    code: "teacher_student",
    number: "F6",
    label: "Педагог – студент",
    mentorCategories: ["teacher", "head"],
    menteeCategories: ["student"],
    peer: false,
  },
  {
    code: "head_teacher",
    number: "F7",
    label: "Руководитель колледжа – преподаватель",
    mentorCategories: ["head"],
    menteeCategories: ["teacher", "young_specialist"],
    peer: false,
  },
  {
    code: "teacher_young_teacher",
    number: "F8",
    label: "Преподаватель колледжа – молодой преподаватель",
    mentorCategories: ["teacher", "head"],
    menteeCategories: ["young_specialist"],
    peer: false,
  },
];

export const formByCode = (code: FormCode): FormDefinition => {
  const form = formCatalogue.find((f) => f.code === code);
  if (!form) throw new Error(`Unknown form ${code}`);
  return form;
};

/** Forms an institution uses until its curator chooses (DOMAIN.md §2.2, by institution type). */
export const defaultFormsByType: Record<InstitutionType, readonly FormCode[]> = {
  school: ["pupil_pupil", "teacher_teacher"],
  college: [
    "teacher_teacher",
    "student_student",
    "student_pupil",
    "employer_student",
    "teacher_student",
    "head_teacher",
    "teacher_young_teacher",
  ],
  additional: ["pupil_pupil", "teacher_teacher"],
  other: ["teacher_teacher"],
};

export type FitProblem = { side: "mentor" | "mentee"; category: ParticipantCategory; participantIndex: number };

/** Which members do not fit the form's categories (empty when the form fits). */
export function formFitProblems(code: FormCode, mentor: ParticipantCategory, mentees: readonly ParticipantCategory[]): FitProblem[] {
  const form = formByCode(code);
  return [
    ...(form.mentorCategories.includes(mentor) ? [] : [{ side: "mentor" as const, category: mentor, participantIndex: 0 }]),
    ...mentees.flatMap((category, i) =>
      form.menteeCategories.includes(category) ? [] : [{ side: "mentee" as const, category, participantIndex: i }],
    ),
  ];
}

export const formFits = (code: FormCode, mentor: ParticipantCategory, mentees: readonly ParticipantCategory[]) =>
  formFitProblems(code, mentor, mentees).length === 0;

/** The enabled forms that admit this mentor category for this mentee category. */
export const formsFor = (enabled: readonly FormCode[], mentor: ParticipantCategory, mentee: ParticipantCategory): FormCode[] =>
  enabled.filter((code) => formFits(code, mentor, [mentee]));
