import * as z from "../zod";

const validDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (
    date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
  );
};

/** A calendar date as ГГГГ-ММ-ДД; the message speaks of ДД.ММ.ГГГГ, the format people type in the web app and files. */
export const isoDate = (label: string) =>
  z
    .string({ error: `Укажите дату в поле «${label}»` })
    .check(z.refine(validDate, { error: `Поле «${label}»: укажите существующую дату в формате ДД.ММ.ГГГГ` }));

/** A short list of free-text entries (requests, competences, goals). */
export const textList = (label: string, maxItems = 30, maxLength = 300) =>
  z
    .array(
      z
        .string({ error: `Поле «${label}» должно быть списком строк` })
        .check(
          z.trim(),
          z.minLength(1, { error: `Пустой элемент в поле «${label}»` }),
          z.maxLength(maxLength, { error: `Поле «${label}»: каждый элемент не длиннее ${maxLength} символов` }),
        ),
    )
    .check(z.maxLength(maxItems, { error: `В поле «${label}» не больше ${maxItems} элементов` }));

/** Splits a cell such as «математика; олимпиады, проекты» into entries. */
export const splitList = (value: string) =>
  value
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
