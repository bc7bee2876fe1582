import * as z from "../zod";

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
