import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../api/client";
import { FormError, SubmitButton } from "../components/Form";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { Loading, Notice, UnusableLink } from "../components/Status";
import { useResource } from "../lib/useResource";
import { useSubmit } from "../lib/useSubmit";
import { checkNewPassword } from "./passwords";

/** The page of an emailed password-reset link: the link is checked when it opens, before a password is typed. */
export default function ResetPasswordPage() {
  const { token = "" } = useParams();
  const link = useResource(() => unwrap(api.auth.password.reset[":token"].$get({ param: { token } })), [token]);

  if (link.data) return <ResetForm token={token} />;
  if (link.error) {
    return (
      <UnusableLink
        error={link.error}
        dead={link.error.code === "auth.reset_link_invalid"}
        title={{ dead: "Ссылка недействительна", failed: "Не удалось открыть ссылку" }}
        wayOn={
          <p>
            <Link to="/forgot-password" className="button">
              Запросить новую ссылку
            </Link>
          </p>
        }
        onRetry={link.reload}
      />
    );
  }
  return <Loading label="Проверяем ссылку…" />;
}

function ResetForm({ token }: { token: string }) {
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
