import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
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
import { roleCan } from "../auth/access";
import { auditObject } from "./auditObjects";

/** Names for the ids the log records (institutions, users and campaigns the viewer may see); best effort. */
async function loadNames(me: Me): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const none = { items: [] as { campaignId: string; name: string }[] };
  const [users, institutions, campaigns] = await Promise.all([
    unwrap(api.users.$get({ query: {} })).catch(() => ({ items: [] })),
    me.role === "region_admin"
      ? unwrap(api.institutions.$get({ query: {} })).catch(() => ({ items: [] }))
      : unwrap(api.institutions.own.$get()).then(
          (own) => ({ items: [own] }),
          () => ({ items: [] }),
        ),
    roleCan(me.role, "monitoring.region_read")
      ? unwrap(api.monitoring.campaigns.$get()).catch(() => none)
      : roleCan(me.role, "monitoring.read")
        ? unwrap(api.monitoring.submissions.$get()).catch(() => none)
        : none,
  ]);
  if (me.region) names.set(me.region.regionId, me.region.name);
  for (const user of users.items) names.set(user.userId, user.fullName);
  for (const institution of institutions.items) names.set(institution.tenantId, institution.shortName);
  for (const campaign of campaigns.items) names.set(campaign.campaignId, campaign.name);
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
                    <td>
                      <AuditTarget object={auditObject(event, me.role, names)} target={event.target} />
                    </td>
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

/**
 * The object of an entry: its name (or, unnamed, its kind) linked to its page where there is one, the kind under a
 * name; an id of an unknown kind as it is.
 */
function AuditTarget({ object, target }: { object: ReturnType<typeof auditObject>; target: string }) {
  if (!object) return <code className="id">{target}</code>;
  const main = object.name ?? object.kind;
  return (
    <>
      {object.href ? <Link to={object.href}>{main}</Link> : main}
      {object.name && <span className="sub">{object.kind}</span>}
    </>
  );
}
