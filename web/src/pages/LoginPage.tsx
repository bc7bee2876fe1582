import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import { useAuth } from "../auth/AuthContext";
import { FormError, SubmitButton, TextField } from "../components/Form";
import { Notice } from "../components/Status";
import { useFocusWhenShown } from "../lib/useFocusWhenShown";
import { emptyEmail } from "../lib/emailCheck";
import { invalid, sendChecked, useSubmit } from "../lib/useSubmit";

/**
 * The ids of the fields that get the focus when a form replaces another (the button pressed went with the old form):
 * the address of the form switched to, the code once it is sent.
 */
const fieldIds = { passwordEmail: "login-email", codeEmail: "login-code-email", code: "login-code" } as const;

export default function LoginPage() {
  const { state, signIn } = useAuth();
  const [mode, setMode] = useState<"password" | "code">("password");
  const [email, setEmail] = useState("");
  const notice = state.status === "signed_out" ? state.notice : undefined;
  const focusWhenShown = useFocusWhenShown(mode);
  const switchTo = (next: typeof mode) => {
    focusWhenShown([next === "code" ? fieldIds.codeEmail : fieldIds.passwordEmail]);
    setMode(next);
  };

  return (
    <>
      <h1>Вход в систему</h1>
      {notice && <Notice>{notice}</Notice>}
      {mode === "password" ? (
        <PasswordForm email={email} setEmail={setEmail} onSignedIn={signIn} onUseCode={() => switchTo("code")} />
      ) : (
        <CodeForm email={email} setEmail={setEmail} onSignedIn={signIn} onUsePassword={() => switchTo("password")} />
      )}
    </>
  );
}

type FormProps = {
  email: string;
  setEmail: (email: string) => void;
  onSignedIn: (tokens: { accessToken: string; expiresIn: number }) => Promise<void>;
};

function PasswordForm({ email, setEmail, onSignedIn, onUseCode }: FormProps & { onUseCode: () => void }) {
  const [password, setPassword] = useState("");
  const submit = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () =>
      onSignedIn(await sendChecked(emptyEmail(email), (options) => api.auth.login.$post({ json: { email, password } }, options))),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Вход по паролю">
      <FormError error={submit.error} />
      <TextField
        id={fieldIds.passwordEmail}
        label="Электронная почта"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={submit.field("email")}
      />
      <TextField
        label="Пароль"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={submit.field("password")}
      />
      <div className="actions">
        <SubmitButton busy={submit.busy} busyLabel="Входим…">
          Войти
        </SubmitButton>
        <Link to="/forgot-password">Забыли пароль?</Link>
      </div>
      <hr />
      <button type="button" className="button secondary wide" onClick={onUseCode}>
        Войти по коду из письма
      </button>
    </form>
  );
}

function CodeForm({ email, setEmail, onSignedIn, onUsePassword }: FormProps & { onUsePassword: () => void }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const request = useSubmit();
  const verify = useSubmit();
  const focusWhenShown = useFocusWhenShown(sentTo ?? "");

  const onRequest = (event: FormEvent) => {
    event.preventDefault();
    const problems = emptyEmail(email);
    if (problems.length > 0) return request.setError(invalid(problems));
    void request.run(async () => {
      await unwrap(api.auth.code.request.$post({ json: { email } }));
      focusWhenShown([fieldIds.code]);
      setSentTo(email);
      setCode("");
    });
  };

  const onSendAgain = () => {
    focusWhenShown([fieldIds.codeEmail]);
    setSentTo(null);
  };

  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    void verify.run(async () => onSignedIn(await unwrap(api.auth.code.verify.$post({ json: { email, code } }))));
  };

  if (!sentTo) {
    return (
      <form key="request" onSubmit={onRequest} noValidate aria-label="Вход по коду из письма">
        <p>Мы отправим на вашу почту одноразовый код из 6 цифр.</p>
        <FormError error={request.error} />
        <TextField
          id={fieldIds.codeEmail}
          label="Электронная почта"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={request.field("email")}
        />
        <div className="actions">
          <SubmitButton busy={request.busy} busyLabel="Отправляем…">
            Получить код
          </SubmitButton>
          <button type="button" className="link-button" onClick={onUsePassword}>
            Войти с паролем
          </button>
        </div>
      </form>
    );
  }

  return (
    <form key="verify" onSubmit={onVerify} noValidate aria-label="Ввод кода из письма">
      <Notice>Если адрес {sentTo} зарегистрирован, мы отправили на него код. Код действует 10 минут.</Notice>
      <FormError error={verify.error} />
      <TextField
        id={fieldIds.code}
        label="Код из письма"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        hint="6 цифр"
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
        error={verify.field("code")}
      />
      <div className="actions">
        <SubmitButton busy={verify.busy} busyLabel="Проверяем…">
          Войти
        </SubmitButton>
        <button type="button" className="link-button" onClick={onSendAgain}>
          Отправить код ещё раз
        </button>
        <button type="button" className="link-button" onClick={onUsePassword}>
          Войти с паролем
        </button>
      </div>
    </form>
  );
}
