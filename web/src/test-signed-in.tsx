import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import type { Role } from "./api/types";
import { AuthProvider, useAuth } from "./auth/AuthContext";

/** The fake API's answers that sign a user of the role in (the refresh cookie, then the profile). */
export const signedInAs = (role: Role) => ({
  "POST /api/auth/refresh": () => ({ status: 200, body: { accessToken: "test-token", expiresIn: 900 } }),
  "GET /api/auth/me": () => ({
    status: 200,
    body: { userId: "usr_1", email: "user@example.org", fullName: "Иванова Мария Сергеевна", role },
  }),
});

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  return state.status === "signed_in" ? children : null;
}

/** Renders a page at a path (matched against `route`) for the user the fake API signs in. */
export function renderPage(page: ReactNode, { path, route = path }: { path: string; route?: string }) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <SignedIn>
          <Routes>
            <Route path={route} element={page} />
          </Routes>
        </SignedIn>
      </AuthProvider>
    </MemoryRouter>,
  );
}
