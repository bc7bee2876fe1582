import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import { useAuth } from "../auth/AuthContext";
import { FormError, SubmitButton, TextField } from "../components/Form";
import { Notice } from "../components/Status";
import { useSubmit } from "../lib/useSubmit";

export default function LoginPage() {
  const { state, signIn } = useAuth();
  const [mode, setMode] = useState<"password" | "code">("password");
  const [email, setEmail] = useState("");
  const notice = state.status === "signed_out" ? state.notice : undefined;

  return (
    <>
      <h1>Вход в систему</h1>
      {notice && <Notice>{notice}</Notice>}
      {mode === "password" ? (
        <PasswordForm email={email} setEmail={setEmail} onSignedIn={signIn} onUseCode={() => setMode("code")} />
      ) : (
        <CodeForm email={email} setEmail={setEmail} onSignedIn={signIn} onUsePassword={() => setMode("password")} />
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
    void submit.run(async () => onSignedIn(await unwrap(api.auth.login.$post({ json: { email, password } }))));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Вход по паролю">
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

  const onRequest = (event: FormEvent) => {
    event.preventDefault();
    void request.run(async () => {
      await unwrap(api.auth.code.request.$post({ json: { email } }));
      setSentTo(email);
      setCode("");
    });
  };

  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    void verify.run(async () => onSignedIn(await unwrap(api.auth.code.verify.$post({ json: { email, code } }))));
  };

  if (!sentTo) {
    return (
      <form onSubmit={onRequest} noValidate aria-label="Вход по коду из письма">
        <p>Мы отправим на вашу почту одноразовый код из 6 цифр.</p>
        <FormError error={request.error} />
        <TextField
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
    <form onSubmit={onVerify} noValidate aria-label="Ввод кода из письма">
      <Notice>Если адрес {sentTo} зарегистрирован, мы отправили на него код. Код действует 10 минут.</Notice>
      <FormError error={verify.error} />
      <TextField
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
        <button type="button" className="link-button" onClick={() => setSentTo(null)}>
          Отправить код ещё раз
        </button>
        <button type="button" className="link-button" onClick={onUsePassword}>
          Войти с паролем
        </button>
      </div>
    </form>
  );
}
