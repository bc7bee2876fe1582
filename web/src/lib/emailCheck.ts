import type { FieldProblem } from "./useSubmit";

/**
 * An address left empty, found by the form itself: the API's message for it is the one for a wrong address («Укажите
 * корректный адрес…, например ivanova@school.ru»), which reads oddly when nothing was typed. Sent with sendChecked,
 * so that the other fields' problems show with it.
 */
export const emptyEmail = (email: string, path = "email"): FieldProblem[] =>
  email.trim() ? [] : [{ path, message: "Укажите адрес электронной почты" }];
