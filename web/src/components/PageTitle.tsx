import { type ReactNode, createContext, useContext, useEffect, useState } from "react";
import { useLocation } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { titleOf } from "../titles";

/** The name of the record a page shows, for the path it was given on. */
type Named = { pathname: string; name: string };

const RecordTitle = createContext<(update: (current: Named | null) => Named | null) => void>(() => {});

/** Keeps the document's title that of the page shown (titles.ts), with the name of the record it shows once loaded. */
export function PageTitleProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const { state } = useAuth();
  const role = state.status === "signed_in" ? state.me.role : undefined;
  const [record, setRecord] = useState<Named | null>(null);
  // A name given for another path (the page left, its cleanup not run yet) is not this page's.
  const name = record?.pathname === pathname ? record.name : undefined;
  useEffect(() => {
    document.title = titleOf(pathname, role, name);
  }, [pathname, role, name]);
  return <RecordTitle.Provider value={setRecord}>{children}</RecordTitle.Provider>;
}

/** Names the page's record in the document's title («Иванова М. С. — Участники — ЦМН»); undefined until it is loaded. */
export function useRecordTitle(name: string | undefined): void {
  const setRecord = useContext(RecordTitle);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!name) return;
    const own = { pathname, name };
    setRecord(() => own);
    return () => setRecord((current) => (current === own ? null : current));
  }, [setRecord, pathname, name]);
}
