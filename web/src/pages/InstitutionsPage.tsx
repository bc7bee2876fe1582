import { useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import type { Institution, InstitutionStatus } from "../api/types";
import { useMe } from "../auth/AuthContext";
import { roleCan } from "../auth/access";
import { ConfirmDialog } from "../components/Dialog";
import { FormError, SelectField } from "../components/Form";
import { downloadFromApi } from "../lib/files";
import { Async, EmptyState, Notice } from "../components/Status";
import { institutionStatusLabels, institutionTypeLabels, institutionTypeShort } from "../lib/labels";
import { countOf, nouns } from "../lib/plural";
import { useResource } from "../lib/useResource";
import { useSubmit } from "../lib/useSubmit";
import { InstitutionForm } from "./InstitutionForm";
import { TableWrap } from "../components/TableWrap";

type StatusAction = "suspend" | "activate" | "archive";

const actions: Record<
  StatusAction,
  { label: string; title: (name: string) => string; text: string; confirm: string; danger?: boolean; done: string }
> = {
  suspend: {
    label: "Приостановить",
    title: (name) => `Приостановить работу «${name}»?`,
    text: "Пользователи организации не смогут входить в систему. Данные сохранятся, работу можно будет возобновить.",
    confirm: "Приостановить",
    danger: true,
    done: "Работа организации приостановлена",
  },
  activate: {
    label: "Возобновить",
    title: (name) => `Возобновить работу «${name}»?`,
    text: "Пользователи организации снова смогут входить в систему.",
    confirm: "Возобновить",
    done: "Работа организации возобновлена",
  },
  archive: {
    label: "В архив",
    title: (name) => `Перевести «${name}» в архив?`,
    text: "Пользователи организации не смогут входить в систему. Данные сохранятся, но вернуть организацию из архива в работу нельзя.",
    confirm: "Перевести в архив",
    danger: true,
    done: "Организация переведена в архив",
  },
};

const actionsFor = (status: InstitutionStatus): StatusAction[] =>
  status === "active" ? ["suspend", "archive"] : status === "suspended" ? ["activate", "archive"] : [];

export default function InstitutionsPage() {
  const me = useMe();
  const canManage = roleCan(me.role, "institutions.manage");
  const [status, setStatus] = useState<InstitutionStatus | "">("");
  const list = useResource(() => unwrap(api.institutions.$get({ query: status ? { status } : {} })), [status]);
  const [editing, setEditing] = useState<Institution | "new" | null>(null);
  const [pending, setPending] = useState<{ institution: Institution; action: StatusAction } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useSubmit();
  // The institution's data when it leaves the system (its records without participants' personal data), as JSON.
  const download = useSubmit();
  const exportData = (institution: Institution) =>
    void download.run(() => downloadFromApi(`/api/institutions/${institution.tenantId}/export`, `${institution.shortName}.json`));

  const runAction = () => {
    if (!pending) return;
    const { institution, action } = pending;
    const param = { param: { tenantId: institution.tenantId } };
    const endpoint = api.institutions[":tenantId"];
    void change.run(async () => {
      const request =
        action === "suspend"
          ? endpoint.suspend.$post(param)
          : action === "activate"
            ? endpoint.activate.$post(param)
            : endpoint.archive.$post(param);
      // Whatever the answer, the list shows the state as it is now.
      await unwrap(request).finally(list.reload);
      setPending(null);
      setNotice(`${actions[action].done}: ${institution.shortName}`);
    });
  };

  return (
    <>
      <div className="page-header">
        <h1>Организации</h1>
        {canManage && (
          <div className="header-actions">
            <button type="button" className="button" onClick={() => setEditing("new")}>
              Добавить организацию
            </button>
            {/* Import from a spreadsheet: the page /institutions/import is built separately. */}
            <Link to="/institutions/import" className="button secondary">
              Импорт из файла
            </Link>
          </div>
        )}
      </div>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={download.error} />
      <div className="filters">
        <SelectField label="Статус" name="status" value={status} onChange={(e) => setStatus(e.target.value as InstitutionStatus | "")}>
          <option value="">Все</option>
          {Object.entries(institutionStatusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <Async resource={list}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={status ? "Организаций с таким статусом нет" : "Организаций пока нет"}>
              {!status && canManage && <p>Добавьте организации региона вручную или импортируйте их из файла.</p>}
            </EmptyState>
          ) : (
            <>
              <p className="summary">{countOf(items.length, nouns.institution)}</p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Организации</caption>
                  <thead>
                    <tr>
                      <th scope="col">Организация</th>
                      <th scope="col">Тип</th>
                      <th scope="col">Муниципалитет</th>
                      <th scope="col">Статус</th>
                      <th scope="col">Численность</th>
                      {canManage && (
                        <th scope="col">
                          <span className="visually-hidden">Действия</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((institution) => (
                      <tr key={institution.tenantId}>
                        <th scope="row">
                          {institution.shortName}
                          <span className="sub">{institution.fullName}</span>
                        </th>
                        <td>
                          <abbr title={institutionTypeLabels[institution.type]}>{institutionTypeShort[institution.type]}</abbr>
                        </td>
                        <td>{institution.municipality}</td>
                        <td>
                          <span className={`badge status-${institution.status}`}>{institutionStatusLabels[institution.status]}</span>
                        </td>
                        <td className="nowrap">
                          {countOf(institution.studentsTotal, nouns.student)}
                          <span className="sub">{countOf(institution.teachersTotal, nouns.teacher)}</span>
                        </td>
                        {canManage && (
                          <td className="row-actions">
                            {institution.status !== "archived" && (
                              <button type="button" className="button secondary small" onClick={() => setEditing(institution)}>
                                Изменить<span className="visually-hidden"> {institution.shortName}</span>
                              </button>
                            )}
                            <button type="button" className="button secondary small" onClick={() => exportData(institution)}>
                              Выгрузить данные<span className="visually-hidden"> {institution.shortName}</span>
                            </button>
                            {actionsFor(institution.status).map((action) => (
                              <button
                                key={action}
                                type="button"
                                className="button secondary small"
                                onClick={() => {
                                  change.setError(null);
                                  setPending({ institution, action });
                                }}
                              >
                                {actions[action].label}
                                <span className="visually-hidden"> {institution.shortName}</span>
                              </button>
                            ))}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        }
      </Async>
      {editing && (
        <InstitutionForm
          institution={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onStale={list.reload}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(editing === "new" ? `Организация «${saved.shortName}» добавлена` : `Изменения сохранены: ${saved.shortName}`);
            list.reload();
          }}
        />
      )}
      {pending && (
        <ConfirmDialog
          title={actions[pending.action].title(pending.institution.shortName)}
          confirmLabel={actions[pending.action].confirm}
          danger={actions[pending.action].danger}
          busy={change.busy}
          error={change.error}
          onConfirm={runAction}
          onCancel={() => setPending(null)}
        >
          <p>{actions[pending.action].text}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
