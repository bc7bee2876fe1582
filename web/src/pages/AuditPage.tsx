import { useCallback, useEffect, useState } from "react";
import { type ApiError, api, unwrap } from "../api/client";
import type { AuditEvent, Me } from "../api/types";
import { useMe } from "../auth/AuthContext";
import { EmptyState, ErrorState, Loading } from "../components/Status";
import { formatDateTime } from "../lib/format";
import { actorLabel, auditActionLabels } from "../lib/labels";
import { countOf, nouns } from "../lib/plural";
import { asApiError } from "../lib/useResource";

/** Names for the ids the log records (institutions and users the viewer may see); best effort. */
async function loadNames(me: Me): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const [users, institutions] = await Promise.all([
    unwrap(api.users.$get({ query: {} })).catch(() => ({ items: [] })),
    me.role === "region_admin"
      ? unwrap(api.institutions.$get({ query: {} })).catch(() => ({ items: [] }))
      : unwrap(api.institutions.own.$get()).then(
          (own) => ({ items: [own] }),
          () => ({ items: [] }),
        ),
  ]);
  if (me.region) names.set(me.region.regionId, me.region.name);
  for (const user of users.items) names.set(user.userId, user.fullName);
  for (const institution of institutions.items) names.set(institution.tenantId, institution.shortName);
  return names;
}

export default function AuditPage() {
  const me = useMe();
  const timeZone = me.region?.timeZone;
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await unwrap(api.audit.$get({ query: after ? { cursor: after } : {} }));
      setItems((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.cursor);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);
  useEffect(() => {
    void loadNames(me).then(setNames);
  }, [me]);

  const nameOf = (id: string) => names.get(id);

  return (
    <>
      <h1>Журнал действий</h1>
      <p>Входы в систему и изменения {me.role === "region_admin" ? "в регионе" : "в организации"}, сначала новые. Записи хранятся год.</p>
      {items.length === 0 && loading && <Loading />}
      {items.length === 0 && !loading && !error && <EmptyState title="Записей пока нет" />}
      {items.length > 0 && (
        <>
          <p className="summary">Показано: {countOf(items.length, nouns.event)}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Время</th>
                  <th scope="col">Действие</th>
                  <th scope="col">Кто</th>
                  <th scope="col">Объект</th>
                </tr>
              </thead>
              <tbody>
                {items.map((event) => (
                  <tr key={event.auditId}>
                    <td className="nowrap">{formatDateTime(event.at, timeZone)}</td>
                    <td>{auditActionLabels[event.action] ?? event.action}</td>
                    <td>
                      {nameOf(event.actorId) ?? actorLabel(event.actorRole)}
                      {nameOf(event.actorId) && <span className="sub">{actorLabel(event.actorRole)}</span>}
                    </td>
                    <td>{nameOf(event.target) ?? <code className="id">{event.target}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {error && <ErrorState error={error} onRetry={() => void load(items.length > 0 ? cursor : null)} />}
      {cursor && !error && (
        <p>
          <button
            type="button"
            className="button secondary"
            aria-disabled={loading || undefined}
            onClick={() => !loading && void load(cursor)}
          >
            {loading ? "Загрузка…" : "Показать ещё"}
          </button>
        </p>
      )}
    </>
  );
}
