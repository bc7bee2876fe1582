import { passwordHint } from "../pages/passwords";
import { TextField } from "./Form";

/** A new password and its repetition (invitation acceptance, password reset). */
export function NewPasswordFields({
  label = "Пароль",
  password,
  repeat,
  onPassword,
  onRepeat,
  field,
}: {
  label?: string;
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  field: (path: string) => string | undefined;
}) {
  return (
    <>
      <TextField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={passwordHint}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={field("password")}
      />
      <TextField
        label="Повторите пароль"
        name="repeat"
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        error={field("repeat")}
      />
    </>
  );
}
