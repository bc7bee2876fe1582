import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api, unwrap } from "../api/client";
import type { InvitationPreview } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { FormError, SubmitButton, TextField } from "../components/Form";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { Loading, UnusableLink } from "../components/Status";
import { formatDateTime } from "../lib/format";
import { roleLabels } from "../lib/labels";
import { useResource } from "../lib/useResource";
import { invalid, useSubmit } from "../lib/useSubmit";
import { checkNewPassword } from "./passwords";

export default function InvitePage() {
  const { token = "" } = useParams();
  const preview = useResource(() => unwrap(api.auth.invitations[":token"].$get({ param: { token } })), [token]);

  if (preview.data) return <AcceptForm token={token} invitation={preview.data} />;
  if (preview.error) {
    return (
      <UnusableLink
        error={preview.error}
        dead={preview.error.status === 404 || preview.error.status === 409}
        title={{ dead: "Приглашение недействительно", failed: "Не удалось открыть приглашение" }}
        wayOn={<WayOn />}
        onRetry={preview.reload}
      />
    );
  }
  return <Loading label="Проверяем приглашение…" />;
}

/** After an invitation that cannot be used: home for someone signed in (it may be their own, accepted), else sign-in. */
function WayOn() {
  const { state, check } = useAuth();
  useEffect(() => check(), [check]);
  if (state.status === "loading") return null;
  return <p>{state.status === "signed_in" ? <Link to="/">На главную</Link> : <Link to="/login">Перейти ко входу</Link>}</p>;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [fullName, setFullName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const submit = useSubmit();
  const place = invitation.institutionName ?? invitation.regionName;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The password's problems are found here (the server knows nothing of the repeat), and so is an empty name, so
    // that all of them show at once.
    const problems = [
      ...(fullName.trim() ? [] : [{ path: "fullName", message: "Заполните поле «ФИО»" }]),
      ...(checkNewPassword(password, repeat)?.fields ?? []),
    ];
    if (problems.length > 0) return submit.setError(invalid(problems));
    void submit.run(async () => {
      await signIn(await unwrap(api.auth.invitations[":token"].accept.$post({ param: { token }, json: { fullName, password } })));
      navigate("/", { replace: true });
    });
  };

  return (
    <>
      <h1>Приглашение в систему ЦМН</h1>
      <dl className="facts">
        <dt>Роль</dt>
        <dd>{roleLabels[invitation.role]}</dd>
        {place && (
          <>
            <dt>{invitation.institutionName ? "Организация" : "Регион"}</dt>
            <dd>{place}</dd>
          </>
        )}
        <dt>Электронная почта</dt>
        <dd>{invitation.email}</dd>
        <dt>Действует до</dt>
        <dd>{formatDateTime(invitation.expiresAt)} (мск)</dd>
      </dl>
      <p>Чтобы принять приглашение, укажите ФИО и задайте пароль для входа.</p>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <TextField
          label="ФИО"
          name="fullName"
          autoComplete="name"
          required
          hint="Полностью, например: Иванова Мария Сергеевна"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={submit.field("fullName")}
        />
        <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} field={submit.field} />
        <div className="actions">
          <SubmitButton busy={submit.busy} busyLabel="Создаём учётную запись…">
            Принять приглашение
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
