import { useEffect, useRef, useState } from "react";
import { api, unwrap } from "../api/client";
import type { Me } from "../api/types";
import { useMe } from "../auth/AuthContext";
import { ShowMore } from "../components/ShowMore";
import { EmptyState, Loading } from "../components/Status";
import { formatDateTime } from "../lib/format";
import { actorLabel, auditActionLabel } from "../lib/labels";
import { countOf, nouns } from "../lib/plural";
import { usePages } from "../lib/usePages";
import { TableWrap } from "../components/TableWrap";

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
  const rows = useRef<HTMLTableSectionElement>(null);
  const pages = usePages((cursor) => unwrap(api.audit.$get({ query: cursor ? { cursor } : {} })), []);
  const { items } = pages;
  const [names, setNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    void loadNames(me).then(setNames);
  }, [me]);

  const nameOf = (id: string) => names.get(id);

  return (
    <>
      <h1>Журнал действий</h1>
      <p>Входы в систему и изменения {me.role === "region_admin" ? "в регионе" : "в организации"}, сначала новые. Записи хранятся год.</p>
      {!pages.loaded && !pages.error && <Loading />}
      {pages.loaded && items.length === 0 && <EmptyState title="Записей пока нет" />}
      {items.length > 0 && (
        <>
          <p className="summary">Показано: {countOf(items.length, nouns.event)}</p>
          <TableWrap>
            <table>
              <caption className="visually-hidden">Журнал действий</caption>
              <thead>
                <tr>
                  <th scope="col">Время</th>
                  <th scope="col">Действие</th>
                  <th scope="col">Кто</th>
                  <th scope="col">Объект</th>
                </tr>
              </thead>
              <tbody ref={rows}>
                {items.map((event) => (
                  <tr key={event.auditId}>
                    <td className="nowrap">{formatDateTime(event.at)}</td>
                    <td>{auditActionLabel(event.action)}</td>
                    <td>
                      {nameOf(event.actorId) ?? actorLabel(event.actorRole)}
                      {nameOf(event.actorId) && <span className="sub">{actorLabel(event.actorRole)}</span>}
                    </td>
                    <td>{nameOf(event.target) ?? <code className="id">{event.target}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <ShowMore pages={pages} list={rows} />
    </>
  );
}
