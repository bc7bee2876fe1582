import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import { FormError, SubmitButton, TextField } from "../components/Form";
import { Notice } from "../components/Status";
import { emptyEmail } from "../lib/emailCheck";
import { invalid, useSubmit } from "../lib/useSubmit";

export default function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = emptyEmail(email);
    if (problems.length > 0) return submit.setError(invalid(problems));
    void submit.run(async () => {
      await unwrap(api.auth.password.forgot.$post({ json: { email } }));
      setSentTo(email);
    });
  };

  return (
    <>
      <h1>Восстановление пароля</h1>
      {sentTo ? (
        <Notice>
          Если адрес {sentTo} зарегистрирован, мы отправили на него письмо со ссылкой для смены пароля. Ссылка действует 1 час.
        </Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p>Укажите адрес, с которым вы входите в систему, и мы пришлём ссылку для смены пароля.</p>
          <FormError error={submit.error} />
          <TextField
            label="Электронная почта"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={submit.field("email")}
          />
          <div className="actions">
            <SubmitButton busy={submit.busy} busyLabel="Отправляем…">
              Отправить ссылку
            </SubmitButton>
          </div>
        </form>
      )}
      <p>
        <Link to="/login">Вернуться ко входу</Link>
      </p>
    </>
  );
}
