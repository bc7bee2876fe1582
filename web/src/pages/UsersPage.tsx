import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import type { Institution, InvitableRole, Invitation, User } from "../api/types";
import { useMe } from "../auth/AuthContext";
import { getsReminders, invitableRoles, isInstitutionRole, roleCan } from "../auth/access";
import { ConfirmDialog, Dialog } from "../components/Dialog";
import { DialogButtons, FormError, SelectField, TextField } from "../components/Form";
import { Async, EmptyState, Notice } from "../components/Status";
import { DigestPreview } from "../components/DigestPreview";
import { formatDateTime } from "../lib/format";
import { invitationStatusLabels, roleLabels, userStatusLabels } from "../lib/labels";
import { emptyEmail } from "../lib/emailCheck";
import { countOf, nouns } from "../lib/plural";
import { useResource } from "../lib/useResource";
import { sendChecked, useSubmit } from "../lib/useSubmit";
import { TableWrap } from "../components/TableWrap";

type Pending = { kind: "disable" | "enable"; user: User } | { kind: "revoke"; invitation: Invitation };

export default function UsersPage() {
  const me = useMe();
  const isRegionAdmin = me.role === "region_admin";
  // A platform admin sees the platform's own accounts; region admins are invited from the regions page.
  const isPlatformAdmin = me.role === "platform_admin";
  const canPreview = roleCan(me.role, "reminders.preview");
  // A region admin looks at the centre's own accounts ("") or at one institution's.
  const [scope, setScope] = useState("");
  const query: Record<string, string> = scope ? { tenantId: scope } : {};
  const institutions = useResource(
    async () => (isRegionAdmin ? (await unwrap(api.institutions.$get({ query: {} }))).items : []),
    [isRegionAdmin],
  );
  const users = useResource(() => unwrap(api.users.$get({ query })), [scope]);
  const invitations = useResource(async () => (isPlatformAdmin ? { items: [] } : unwrap(api.invitations.$get({ query }))), [scope]);
  const [inviting, setInviting] = useState(false);
  const [previewing, setPreviewing] = useState<User | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useSubmit();

  const confirm = () => {
    if (!pending) return;
    void change.run(async () => {
      if (pending.kind === "revoke") {
        const { invitation } = pending;
        const revokeQuery: Record<string, string> = invitation.tenantId ? { tenantId: invitation.tenantId } : {};
        await unwrap(
          api.invitations[":invitationId"].revoke.$post({ param: { invitationId: invitation.invitationId }, query: revokeQuery }),
        ).finally(invitations.reload);
        setNotice(`Приглашение для ${invitation.email} отозвано`);
      } else {
        const endpoint = api.users[":userId"];
        const param = { param: { userId: pending.user.userId } };
        await unwrap(pending.kind === "disable" ? endpoint.disable.$post(param) : endpoint.enable.$post(param)).finally(users.reload);
        setNotice(
          pending.kind === "disable"
            ? `Учётная запись ${pending.user.fullName} отключена`
            : `Учётная запись ${pending.user.fullName} включена`,
        );
      }
      setPending(null);
    });
  };
  const ask = (next: Pending) => {
    change.setError(null);
    setPending(next);
  };

  return (
    <>
      <div className="page-header">
        <h1>Пользователи</h1>
        {invitableRoles[me.role] && (
          <button type="button" className="button" onClick={() => setInviting(true)}>
            Пригласить
          </button>
        )}
      </div>
      {notice && <Notice>{notice}</Notice>}
      {isRegionAdmin && (
        <div className="filters">
          <SelectField label="Чьи учётные записи показать" name="scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">Сотрудники РНЦ</option>
            {(institutions.data ?? []).map((institution) => (
              <option key={institution.tenantId} value={institution.tenantId}>
                {institution.shortName}
              </option>
            ))}
          </SelectField>
        </div>
      )}

      <h2>{isPlatformAdmin ? "Администраторы платформы" : "Учётные записи"}</h2>
      <Async resource={users}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Учётных записей пока нет">
              <p>Пригласите сотрудников по электронной почте.</p>
            </EmptyState>
          ) : (
            <>
              <p className="summary">{countOf(items.length, nouns.user)}</p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Учётные записи</caption>
                  <thead>
                    <tr>
                      <th scope="col">ФИО</th>
                      <th scope="col">Электронная почта</th>
                      <th scope="col">Роль</th>
                      <th scope="col">Статус</th>
                      <th scope="col">
                        <span className="visually-hidden">Действия</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((user) => (
                      <tr key={user.userId}>
                        <th scope="row">{user.fullName}</th>
                        <td>{user.email}</td>
                        <td>{roleLabels[user.role]}</td>
                        <td>
                          <span className={`badge user-${user.status}`}>{userStatusLabels[user.status]}</span>
                        </td>
                        <td className="row-actions">
                          {canPreview && getsReminders(user.role) && user.status === "active" && (
                            <button type="button" className="button secondary small" onClick={() => setPreviewing(user)}>
                              Предпросмотр сводки<span className="visually-hidden">: {user.fullName}</span>
                            </button>
                          )}
                          {user.userId !== me.userId && (
                            <button
                              type="button"
                              className="button secondary small"
                              onClick={() => ask({ kind: user.status === "active" ? "disable" : "enable", user })}
                            >
                              {user.status === "active" ? "Отключить" : "Включить"}
                              <span className="visually-hidden"> {user.fullName}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        }
      </Async>

      {isPlatformAdmin ? (
        <p className="hint">
          Администраторов РНЦ приглашают на странице <Link to="/regions">«Регионы»</Link>.
        </p>
      ) : (
        <>
          <h2>Приглашения</h2>
          <Async resource={invitations}>
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="Приглашений нет" />
              ) : (
                <>
                  <p className="summary">{countOf(items.length, nouns.invitation)}</p>
                  <TableWrap>
                    <table>
                      <caption className="visually-hidden">Приглашения</caption>
                      <thead>
                        <tr>
                          <th scope="col">Электронная почта</th>
                          <th scope="col">Роль</th>
                          <th scope="col">Статус</th>
                          <th scope="col">Действует до</th>
                          <th scope="col">
                            <span className="visually-hidden">Действия</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((invitation) => (
                          <tr key={invitation.invitationId}>
                            <th scope="row">{invitation.email}</th>
                            <td>{roleLabels[invitation.role]}</td>
                            <td>
                              <span className={`badge invitation-${invitation.status}`}>{invitationStatusLabels[invitation.status]}</span>
                            </td>
                            <td className="nowrap">{formatDateTime(invitation.expiresAt)}</td>
                            <td className="row-actions">
                              {invitation.status === "pending" && (
                                <button
                                  type="button"
                                  className="button secondary small"
                                  onClick={() => ask({ kind: "revoke", invitation })}
                                >
                                  Отозвать<span className="visually-hidden"> приглашение для {invitation.email}</span>
                                </button>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                </>
              )
            }
          </Async>
        </>
      )}

      {previewing && (
        <Dialog title={`Предпросмотр сводки: ${previewing.fullName}`} wide onClose={() => setPreviewing(null)}>
          <p>Что пришло бы пользователю в письме с напоминаниями в выбранный день, с учётом его настроек. Ничего не отправляется.</p>
          <DigestPreview userId={previewing.userId} />
        </Dialog>
      )}
      {inviting && (
        <InviteForm
          roles={invitableRoles[me.role] ?? []}
          institutions={isRegionAdmin ? (institutions.data ?? []).filter((i) => i.status === "active") : undefined}
          defaultInstitution={scope}
          onClose={() => setInviting(false)}
          onSent={(invitation) => {
            setInviting(false);
            setNotice(`Приглашение отправлено на ${invitation.email}. Ссылка действует 72 часа.`);
            if (isRegionAdmin && (invitation.tenantId ?? "") !== scope) setScope(invitation.tenantId ?? "");
            else invitations.reload();
          }}
        />
      )}
      {pending && (
        <ConfirmDialog
          title={
            pending.kind === "revoke"
              ? `Отозвать приглашение для ${pending.invitation.email}?`
              : pending.kind === "disable"
                ? `Отключить учётную запись ${pending.user.fullName}?`
                : `Включить учётную запись ${pending.user.fullName}?`
          }
          confirmLabel={pending.kind === "revoke" ? "Отозвать" : pending.kind === "disable" ? "Отключить" : "Включить"}
          danger={pending.kind !== "enable"}
          busy={change.busy}
          error={change.error}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>
            {pending.kind === "revoke"
              ? "Ссылка из письма перестанет действовать. При необходимости можно пригласить снова."
              : pending.kind === "disable"
                ? "Пользователь не сможет войти в систему. Его данные сохранятся, учётную запись можно будет включить снова."
                : "Пользователь снова сможет войти в систему."}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function InviteForm({
  roles,
  institutions,
  defaultInstitution,
  onClose,
  onSent,
}: {
  roles: readonly InvitableRole[];
  /** The institutions to choose from (region admin); undefined when the inviter's own institution is implied. */
  institutions?: Institution[];
  defaultInstitution: string;
  onClose: () => void;
  onSent: (invitation: Invitation) => void;
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitableRole | "">("");
  const [tenantId, setTenantId] = useState(defaultInstitution);
  const submit = useSubmit();
  const needsInstitution = institutions !== undefined && role !== "" && isInstitutionRole(role);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Sent even when incomplete, for the server's message at every field (an unchosen role among them).
    const problems = emptyEmail(email);
    void submit.run(async () => {
      const json = { email, role: role as InvitableRole, ...(needsInstitution && tenantId ? { tenantId } : {}) };
      onSent(await sendChecked(problems, (options) => api.invitations.$post({ json }, options)));
    });
  };

  return (
    <Dialog title="Пригласить сотрудника" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>Мы отправим письмо со ссылкой. Она действует 72 часа; по ней сотрудник задаст ФИО и пароль.</p>
        <FormError error={submit.error} />
        <TextField
          label="Электронная почта"
          name="email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={submit.field("email")}
        />
        <SelectField
          label="Роль"
          name="role"
          required
          value={role}
          onChange={(e) => setRole(e.target.value as InvitableRole | "")}
          error={submit.field("role")}
        >
          <option value="">Выберите роль</option>
          {roles.map((value) => (
            <option key={value} value={value}>
              {roleLabels[value]}
            </option>
          ))}
        </SelectField>
        {needsInstitution && (
          <SelectField
            label="Организация"
            name="tenantId"
            required
            value={tenantId}
            onChange={(e) => setTenantId(e.target.value)}
            error={
              submit.field("tenantId") ?? (submit.error?.code === "invitation.institution_required" ? submit.error.message : undefined)
            }
          >
            <option value="">Выберите организацию</option>
            {institutions.map((institution) => (
              <option key={institution.tenantId} value={institution.tenantId}>
                {institution.shortName}
              </option>
            ))}
          </SelectField>
        )}
        <DialogButtons busy={submit.busy} busyLabel="Отправляем…" onCancel={onClose}>
          Отправить приглашение
        </DialogButtons>
      </form>
    </Dialog>
  );
}
