import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../api/client";
import { FormError, SubmitButton } from "../components/Form";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { Notice } from "../components/Status";
import { useSubmit } from "../lib/useSubmit";
import { checkNewPassword } from "./passwords";

export default function ResetPasswordPage() {
  const { token = "" } = useParams();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);
  const submit = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkNewPassword(password, repeat);
    if (problem) return submit.setError(problem);
    void submit.run(async () => {
      await unwrap(api.auth.password.reset.$post({ json: { token, password } }));
      setDone(true);
    });
  };

  if (done) {
    return (
      <>
        <h1>Пароль изменён</h1>
        <Notice>Теперь войдите в систему с новым паролем.</Notice>
        <p>
          <Link to="/login" className="button">
            Войти
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Новый пароль</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <NewPasswordFields
          label="Новый пароль"
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          field={submit.field}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy} busyLabel="Сохраняем…">
            Сохранить пароль
          </SubmitButton>
          <Link to="/forgot-password">Запросить новую ссылку</Link>
        </div>
      </form>
    </>
  );
}
