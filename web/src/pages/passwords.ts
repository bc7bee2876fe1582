import { invalid } from "../lib/useSubmit";

export const MIN_PASSWORD_LENGTH = 10;
export const passwordHint = `Не короче ${MIN_PASSWORD_LENGTH} символов`;

/** Client-side checks before sending a new password (the server checks the length again). */
export function checkNewPassword(password: string, repeat: string) {
  const fields = [
    ...(password.length < MIN_PASSWORD_LENGTH
      ? [{ path: "password", message: `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов` }]
      : []),
    ...(password !== repeat ? [{ path: "repeat", message: "Пароли не совпадают" }] : []),
  ];
  return fields.length > 0 ? invalid(fields) : null;
}
