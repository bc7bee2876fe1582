import { type IdKind, isId } from "./id";
import * as z from "./zod";

/** Shared field schemas with Russian messages, reused by every module. */
export const text = (label: string, max = 300) =>
  z
    .string({ error: `Поле «${label}» должно быть строкой` })
    .check(
      z.trim(),
      z.minLength(1, { error: `Заполните поле «${label}»` }),
      z.maxLength(max, { error: `Поле «${label}» длиннее ${max} символов` }),
    );

export const optionalText = (label: string, max = 300) =>
  z.optional(
    z
      .string({ error: `Поле «${label}» должно быть строкой` })
      .check(z.trim(), z.maxLength(max, { error: `Поле «${label}» длиннее ${max} символов` })),
  );

/** A phone number as people write it: 5 to 15 digits with «+», spaces, brackets or dashes; an extension after «доб.». */
const phonePattern = /^\+?[\d\s()\-–]+(\s*(доб\.?|ext\.?)\s*\d{1,6})?$/i;
const isPhone = (value: string) => {
  if (!phonePattern.test(value)) return false;
  const digits = value.replace(/(доб|ext).*$/i, "").replace(/\D/g, "").length;
  return digits >= 5 && digits <= 15;
};

/** An optional phone number (empty clears it). */
export const phone = (label = "Телефон") =>
  z.optional(
    z.string({ error: `Поле «${label}» должно быть строкой` }).check(
      z.trim(),
      z.maxLength(50, { error: `Поле «${label}» длиннее 50 символов` }),
      z.refine((value) => value === "" || isPhone(value), {
        error: `Поле «${label}»: укажите номер цифрами, например +7 (3452) 12-34-56 или 8 912 345-67-89 доб. 12`,
      }),
    ),
  );

/** An optional web address (http or https), e.g. a page on the institution's site. */
export const webLink = (label: string, max = 1000) =>
  z.optional(
    z
      .string({ error: `Поле «${label}» должно быть строкой` })
      .check(
        z.trim(),
        z.maxLength(max, { error: `Поле «${label}» длиннее ${max} символов` }),
        z.regex(/^(https?:\/\/\S+)?$/, { error: "Ссылка должна начинаться с http:// или https://" }),
      ),
  );

export const email = () =>
  z.pipe(
    z
      .string({ error: "Укажите адрес электронной почты" })
      // 254 characters: the longest address SMTP carries (RFC 5321); it is also part of store keys.
      .check(
        z.trim(),
        z.toLowerCase(),
        z.minLength(1, { error: "Укажите адрес электронной почты", abort: true }),
        z.maxLength(254, { error: "Адрес электронной почты длиннее 254 символов" }),
      ),
    z.email({ error: "Укажите корректный адрес электронной почты, например ivanova@school.ru" }),
  );

export const count = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `Заполните поле «${label}»` : `Поле «${label}» должно быть числом`) })
    .check(
      z.int({ error: `Поле «${label}» должно быть целым числом` }),
      z.minimum(0, { error: `Поле «${label}» не может быть отрицательным` }),
      z.maximum(1_000_000, { error: `Поле «${label}» слишком большое` }),
    );

/** A page size parameter of a list read a page at a time (a query string: 1–200). */
export const pageLimit = () =>
  z.optional(
    z
      .string({ error: "Размер страницы — число от 1 до 200" })
      .check(z.regex(/^([1-9]\d?|1\d\d|200)$/, { error: "Размер страницы — число от 1 до 200" })),
  );

/** Where the next page starts: the id of the last item of the previous page (`cursor` of its answer). */
export const pageCursor = (kind: IdKind) =>
  z.optional(
    z.string().check(z.refine((value) => isId(kind, value), { error: "Ссылка на следующую страницу недействительна: обновите список" })),
  );

/** An institution named in a request (`org_` + ULID): a malformed one is a 400, never a key the store refuses. */
export const institutionRef = () =>
  z.optional(z.string().check(z.refine((value) => isId("institution", value), { error: "Некорректный идентификатор организации" })));

/** A cursor continues a paged read, so it comes with the page size it continues. */
export const cursorNeedsLimit = z.superRefine((value: { limit?: string; cursor?: string }, ctx) => {
  if (value.cursor && !value.limit) {
    ctx.addIssue({ code: "custom", input: value, path: ["limit"], message: "Со ссылкой на следующую страницу укажите размер страницы" });
  }
});

/** Optimistic concurrency: every edit names the version it was based on. */
export const version = () => z.number({ error: "Не указана версия записи" }).check(z.int(), z.minimum(1));

/** `?version=` of a request without a body (a DELETE): the record's version, as a number. */
export const VersionQuery = z.object({
  version: z
    .pipe(z.string({ error: "Не указана версия записи" }), z.transform(Number))
    .check(z.refine((n) => version().safeParse(n).success, { error: "Версия записи должна быть целым числом от 1" })),
});

/** `?year=` (optional): a year of four digits, as a number. */
export const YearQuery = z.object({
  year: z.optional(
    z.pipe(
      z.string({ error: "Год — четыре цифры" }).check(z.regex(/^20\d{2}$/, { error: "Год — четыре цифры, например 2026" })),
      z.transform(Number),
    ),
  ),
});

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("ru-RU", { timeZone: value });
    return value.includes("/");
  } catch {
    return false;
  }
}

const validDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (
    date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
  );
};

/**
 * A calendar date that exists, as ГГГГ-ММ-ДД; the message speaks of ДД.ММ.ГГГГ, the format people type in the web app
 * and files (a date input left empty sends "").
 */
export const isoDate = (label: string) =>
  z.string({ error: `Укажите дату в поле «${label}»` }).check(
    z.refine(validDate, {
      error: (issue) =>
        issue.input === "" ? `Заполните поле «${label}»` : `Поле «${label}»: укажите существующую дату в формате ДД.ММ.ГГГГ`,
    }),
  );

/**
 * An optional calendar date of a register's record: left out or empty (a date input left empty sends ""), it is not
 * given, as an empty optional text is (not stored on create, cleared by an edit).
 */
export const optionalDate = (label: string) =>
  z.optional(
    z.string({ error: `Укажите дату в поле «${label}»` }).check(
      z.refine((value) => value === "" || validDate(value), {
        error: `Поле «${label}»: укажите существующую дату в формате ДД.ММ.ГГГГ`,
      }),
    ),
  );
