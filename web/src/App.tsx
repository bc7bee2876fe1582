import { type ReactNode, lazy, useEffect, useRef } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { AuthProvider, useAuth, useMe } from "./auth/AuthContext";
import { Layout, PublicLayout } from "./components/Layout";
import { ErrorState, Loading } from "./components/Status";
import { PageTitleProvider } from "./components/PageTitle";
import { type Section, sectionAllowed, sections } from "./sections";

const LoginPage = lazy(() => import("./pages/LoginPage"));
const ForgotPasswordPage = lazy(() => import("./pages/ForgotPasswordPage"));
const ResetPasswordPage = lazy(() => import("./pages/ResetPasswordPage"));
const InvitePage = lazy(() => import("./pages/InvitePage"));
const SurveyAnswerPage = lazy(() => import("./pages/surveys/SurveyAnswerPage"));
const UnsubscribePage = lazy(() => import("./pages/UnsubscribePage"));
const HomePage = lazy(() => import("./pages/HomePage"));
const ReminderSettingsPage = lazy(() => import("./pages/ReminderSettingsPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

/** Signed-in views: wait for the session, send others to /login (and back here afterwards). */
function RequireAuth({ children }: { children: ReactNode }) {
  const { state, retry } = useAuth();
  const location = useLocation();
  if (state.status === "loading") return <Loading label="Проверяем вход…" />;
  if (state.status === "error") return <ErrorState error={state.error} onRetry={retry} />;
  if (state.status === "signed_out") {
    // After a deliberate sign-out start afresh; otherwise come back here after signing in (to the same place on the
    // page: an emailed link to a roadmap's item ends in #item-…).
    const from = location.pathname + location.search + location.hash;
    return <Navigate to="/login" replace state={state.deliberate ? undefined : { from }} />;
  }
  return children;
}

/** The sign-in page is for signed-out visitors only. */
function SignedOutOnly({ children }: { children: ReactNode }) {
  const { state, retry } = useAuth();
  const location = useLocation();
  if (state.status === "loading") return <Loading label="Проверяем вход…" />;
  if (state.status === "error") return <ErrorState error={state.error} onRetry={retry} />;
  if (state.status === "signed_in") return <Navigate to={(location.state as { from?: string } | null)?.from ?? "/"} replace />;
  return children;
}

function SectionRoute({ section }: { section: Section }) {
  const me = useMe();
  if (!sectionAllowed(section, me.role)) return <NotFoundPage />;
  return <section.page />;
}

/** On navigation, focus moves to the new page's content (not on the first page: the browser starts from the top). */
function FocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById("main")?.focus();
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <PageTitleProvider>
          <FocusOnNavigation />
          <Routes>
            <Route element={<PublicLayout />}>
              <Route
                path="/login"
                element={
                  <SignedOutOnly>
                    <LoginPage />
                  </SignedOutOnly>
                }
              />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
              <Route path="/invite/:token" element={<InvitePage />} />
            </Route>
            <Route element={<PublicLayout forParticipants />}>
              <Route path="/survey/:token" element={<SurveyAnswerPage />} />
              <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
            </Route>
            <Route
              element={
                <RequireAuth>
                  <Layout />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              {/* Everyone's own letters, whatever the role: linked from the header, not a section of the navigation. */}
              <Route path="/settings/reminders" element={<ReminderSettingsPage />} />
              {sections.map((section) => (
                <Route key={section.path} path={section.path} element={<SectionRoute section={section} />} />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </PageTitleProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
