import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useLocation } from "react-router";
import { type ApiError, api, session, unwrap } from "../api/client";
import type { Me, Tokens } from "../api/types";
import { showTimesIn } from "../lib/format";
import { asApiError } from "../lib/useResource";

type AuthState =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  | { status: "signed_out"; notice?: string; deliberate?: boolean }
  | { status: "signed_in"; me: Me };

type Auth = {
  state: AuthState;
  /** Starts the session from the tokens a sign-in route returned. */
  signIn: (tokens: Tokens) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
  /** Asks for the session on a page that does not on its own (a token page: see `wanted`). */
  check: () => void;
};

const AuthContext = createContext<Auth | null>(null);

/** The signed-in state; from here on, times are shown in the user's region's time zone. */
export function signedIn(me: Me) {
  showTimesIn(me.region?.timeZone);
  return { status: "signed_in", me } as const;
}

/** Pages opened from a link in an email and used without signing in (App.tsx's public routes with a token). */
const TOKEN_PAGE = /^\/(survey|unsubscribe|invite|reset-password)\//;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // A token page needs no session: it is not asked for there (no 401 from /api/auth/refresh in the console of someone
  // who has none). The state stays "loading", which those pages do not read unless they `check` (a used invitation
  // offers the way in or home, as the case may be); going on to any other page asks then.
  const { pathname } = useLocation();
  const [checked, setChecked] = useState(false);
  const wanted = checked || !TOKEN_PAGE.test(pathname);
  const check = useCallback(() => setChecked(true), []);

  // On load: the refresh cookie (if any) gives an access token, then the profile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the start-up after an error
  useEffect(() => {
    if (!wanted || state.status !== "loading") return;
    let current = true;
    (async () => {
      if (!(await session.refresh())) return { status: "signed_out" } as const;
      return signedIn(await unwrap(api.auth.me.$get()));
    })().then(
      (next) => current && setState(next),
      (error: unknown) => current && setState({ status: "error", error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt, wanted, state.status]);

  useEffect(() => session.onExpired(() => setState({ status: "signed_out", notice: "Сеанс завершён. Войдите снова." })), []);

  const signIn = useCallback(async (tokens: Tokens) => {
    session.setAccessToken(tokens.accessToken);
    setState(signedIn(await unwrap(api.auth.me.$get())));
  }, []);

  const signOut = useCallback(async () => {
    await session.signOut();
    setState({ status: "signed_out", deliberate: true });
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry, check }), [state, signIn, signOut, retry, check]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

/** The signed-in user; only for views under the signed-in layout. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== "signed_in") throw new Error("useMe without a signed-in user");
  return state.me;
}
