/**
 * The letter that brings a participant a survey link: its subject, greeting and wording. The sending itself (links,
 * recipients) is in ./index.ts.
 */
import { type Email, renderEmail } from "../email";
import { formatDateTime, greeting } from "../ru";
import { surveyPhaseNotes } from "./labels";
import type { surveyPhases } from "./survey.entity";

type Phase = (typeof surveyPhases)[number];

/** Whether a survey's title already says it is one («Анкета удовлетворённости…», «Анкетирование…»). */
const saysSurvey = (title: string) => /^анкет/i.test(title.trim());

/** «Анкета: Удовлетворённость наставников», but a title that already says «Анкета…» is the subject as it is. */
export const surveySubject = (title: string) => (saysSurvey(title) ? title.trim() : `Анкета: ${title.trim()}`);

/** A survey named in a sentence: «Анкета «Весенний опрос»», or just «Анкета удовлетворённости…» in quotes. */
export const surveyNamed = (title: string) => (saysSurvey(title) ? `«${title.trim()}»` : `Анкета «${title.trim()}»`);

/** Why a growth survey comes at this stage, in the participant's words. */
const phaseExplained: Record<Phase, string> = {
  entry: "её заполняют в начале участия и ещё раз после завершения программы, чтобы было видно, что изменилось",
  exit: "её заполняют после завершения программы, чтобы сравнить ответы с анкетой, заполненной в начале участия",
};

export type SurveyLetter = {
  to: string;
  fullName: string;
  /** A minor is greeted by first name only. */
  minor: boolean;
  title: string;
  /** The stage of a growth survey. */
  phase?: Phase;
  institutionName?: string;
  expiresAt: string;
  timeZone: string;
  url: string;
};

export function surveyEmail(letter: SurveyLetter): Email {
  return {
    to: letter.to,
    subject: surveySubject(letter.title),
    ...renderEmail({
      heading: letter.title,
      paragraphs: [
        greeting(letter.fullName, { minor: letter.minor }),
        ...(letter.phase ? [`${surveyPhaseNotes[letter.phase]}: ${phaseExplained[letter.phase]}.`] : []),
        `${letter.institutionName ?? "Ваша организация"} просит вас заполнить анкету программы наставничества. Это займёт несколько минут; вход в систему не нужен.`,
        `Ссылка действует до ${formatDateTime(letter.expiresAt, letter.timeZone)} и может быть использована один раз.`,
      ],
      action: { label: "Заполнить анкету", url: letter.url },
      footer: "Если вы не участвуете в программе наставничества, просто проигнорируйте это письмо.",
    }),
  };
}
