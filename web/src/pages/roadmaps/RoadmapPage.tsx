import { type FormEvent, useId, useState } from "react";
import { downloadFromApi } from "../../lib/files";
import { Link, useNavigate, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { checkDates, DateField, dateText } from "../../components/DateField";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useFocusWhenShown } from "../../lib/useFocusWhenShown";
import { useResource } from "../../lib/useResource";
import { useScrollToHash } from "../../lib/useScrollToHash";
import { useRecordTitle } from "../../components/PageTitle";
import { sendChecked, useSubmit } from "../../lib/useSubmit";
import { itemStatusLabels, overdueLabel, roadmapStatusLabels } from "@rnc/core/labels";
import { ApprovalDialog } from "./ApprovalDialog";
import { ProgressSummary } from "./Progress";
import { type Direction, MoveButtons, SectionControls, moveButtonIds } from "./SectionControls";
import { SectionDialog, nextSectionNumber, sectionName } from "./SectionDialog";
import {
  type ItemStatus,
  type ItemUpdate,
  type RoadmapDetail,
  type RoadmapItem,
  type RoadmapSection,
  itemRef,
  roadmapNouns,
} from "./types";
import "./roadmaps.css";
import { TableWrap } from "../../components/TableWrap";

type Filter = "all" | "overdue" | "month";

/** The prefix of the ids of a section's controls (see SectionControls). */
const sectionControlsId = (section: RoadmapSection) => `section-${section.sectionId}`;

const statuses = Object.keys(itemStatusLabels) as ItemStatus[];

/** Saves the XLSX export with the session's token (a plain link would not carry it). */
const downloadXlsx = (roadmapId: string) => downloadFromApi(`/api/roadmaps/${roadmapId}/export.xlsx`, `Дорожная карта ${roadmapId}.xlsx`);

export default function RoadmapPage() {
  const { roadmapId = "" } = useParams();
  const me = useMe();
  const canWrite = roleCan(me.role, "roadmap.write");
  const canManage = roleCan(me.role, "roadmap.manage");
  const navigate = useNavigate();
  const detail = useResource(() => unwrap(api.roadmaps[":roadmapId"].$get({ param: { roadmapId } })), [roadmapId]);
  const [filter, setFilter] = useState<Filter>("all");
  const [executor, setExecutor] = useState("");
  const [editing, setEditing] = useState<RoadmapItem | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [sectionForm, setSectionForm] = useState<{ section?: RoadmapSection } | null>(null);
  const [removingSection, setRemovingSection] = useState<RoadmapSection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useSubmit();
  const removal = useSubmit();
  // The focus moves once the reloaded roadmap is shown: a new `data` object (`loading` may not flip on a quick answer).
  const focusWhenReloaded = useFocusWhenShown(detail.loading ? undefined : detail.data);
  // A link to an item (`#item-…`, as the reminder letters give) shows it once the roadmap is loaded.
  useScrollToHash(detail.data !== undefined);
  useRecordTitle(detail.data?.title);

  const update = (item: RoadmapItem, patch: Omit<ItemUpdate, "version">, message: string) =>
    change.run(async () => {
      try {
        await unwrap(
          api.roadmaps[":roadmapId"].items[":itemId"].$patch({
            param: { roadmapId, itemId: item.itemId },
            json: { version: item.version, ...patch },
          }),
        );
        setNotice(message);
      } finally {
        detail.reload();
      }
    });

  const move = (item: RoadmapItem, index: number) =>
    change.run(async () => {
      try {
        await unwrap(
          api.roadmaps[":roadmapId"].items[":itemId"].move.$post({
            param: { roadmapId, itemId: item.itemId },
            json: { version: item.version, index },
          }),
        );
        setNotice(`Мероприятие ${itemRef(item)} перемещено`);
      } finally {
        detail.reload();
      }
    });

  /** Moves a section one place up or down: the server puts it between its new neighbours. */
  const moveSection = (data: RoadmapDetail, section: RoadmapSection, direction: Direction) =>
    change.run(async () => {
      const from = data.sections.findIndex((s) => s.sectionId === section.sectionId);
      const index = direction === "up" ? from - 1 : from + 1;
      try {
        await unwrap(
          api.roadmaps[":roadmapId"].sections[":sectionId"].$patch({
            param: { roadmapId, sectionId: section.sectionId },
            json: { version: section.version, index },
          }),
        );
        focusWhenReloaded(moveButtonIds(sectionControlsId(section), direction));
        setNotice(`Раздел ${sectionName(section)} перемещён ${direction === "up" ? "выше" : "ниже"}`);
      } finally {
        detail.reload();
      }
    });

  const setRoadmapStatus = (data: RoadmapDetail, status: "draft" | "archived") =>
    change.run(async () => {
      try {
        await unwrap(api.roadmaps[":roadmapId"].$patch({ param: { roadmapId }, json: { version: data.version, status } }));
        setNotice(`Статус дорожной карты: ${roadmapStatusLabels[status].toLowerCase()}`);
      } finally {
        detail.reload();
      }
    });

  return (
    <Async resource={detail}>
      {(data) => (
        <>
          <p className="no-print">
            <Link to="/roadmaps">← Дорожные карты</Link>
          </p>
          <div className="page-header">
            <h1>{data.title}</h1>
            <div className="actions no-print">
              <Link className="button secondary" to={`/roadmaps/${roadmapId}/calendar`}>
                Календарь
              </Link>
              <Link className="button secondary" to={`/roadmaps/${roadmapId}/print`}>
                Версия для печати
              </Link>
              <button type="button" className="button secondary" onClick={() => void change.run(() => downloadXlsx(roadmapId))}>
                Скачать XLSX
              </button>
            </div>
          </div>
          <p className="lead">
            Период: {data.period} · {roadmapStatusLabels[data.status]}
            {data.approvedAt ? ` · утверждена ${formatDate(data.approvedAt)}` : ""}
            {data.approvedBy ? ` (${data.approvedBy})` : ""}
            {data.approvalAct ? `, ${data.approvalAct}` : ""}
          </p>
          {notice && <Notice>{notice}</Notice>}
          <FormError error={change.error} />
          <ProgressSummary progress={data.progress} />
          {canManage && (
            <div className="actions no-print">
              {data.status !== "archived" && (
                <button type="button" className="button secondary small" onClick={() => setApproving(true)}>
                  {data.status === "approved" ? "Сведения об утверждении" : "Отметить как утверждённую"}
                </button>
              )}
              {data.status !== "archived" ? (
                <button type="button" className="button secondary small" onClick={() => void setRoadmapStatus(data, "archived")}>
                  Перенести в архив
                </button>
              ) : (
                <button type="button" className="button secondary small" onClick={() => void setRoadmapStatus(data, "draft")}>
                  Вернуть в работу
                </button>
              )}
              <button type="button" className="button danger small" onClick={() => setDeleting(true)}>
                Удалить
              </button>
            </div>
          )}
          {canWrite && data.status === "archived" && (
            <p className="hint no-print">
              Дорожная карта в архиве: разделы и мероприятия изменить нельзя. Чтобы вносить изменения, верните её в работу.
            </p>
          )}
          <Items
            data={data}
            filter={filter}
            setFilter={setFilter}
            executor={executor}
            setExecutor={setExecutor}
            canWrite={canWrite && data.status !== "archived"}
            onStatus={(item, status, occurrenceKey) =>
              void update(
                item,
                { status, ...(occurrenceKey ? { occurrenceKey } : {}) },
                `Мероприятие ${itemRef(item)}: ${itemStatusLabels[status].toLowerCase()}`,
              )
            }
            onEdit={setEditing}
            onMove={(item, index) => void move(item, index)}
            onAdd={setAdding}
            onEditSection={(section) => setSectionForm({ section })}
            onMoveSection={(section, direction) => void moveSection(data, section, direction)}
            onRemoveSection={(section) => {
              removal.setError(null);
              setRemovingSection(section);
            }}
          />
          {canWrite && data.status !== "archived" && (
            <div className="actions no-print">
              <button type="button" className="button secondary" onClick={() => setSectionForm({})}>
                Добавить раздел
              </button>
            </div>
          )}
          {approving && (
            <ApprovalDialog
              data={data}
              onClose={() => setApproving(false)}
              onSaved={(message) => {
                setApproving(false);
                setNotice(message);
                detail.reload();
              }}
            />
          )}
          {sectionForm && (
            <SectionDialog
              section={sectionForm.section}
              suggestedNumber={nextSectionNumber(data.sections)}
              onClose={() => setSectionForm(null)}
              onStale={detail.reload}
              onSave={async (fields, version, problems) => {
                const editing = sectionForm.section;
                if (editing && version !== undefined) {
                  await sendChecked(problems, (options) =>
                    api.roadmaps[":roadmapId"].sections[":sectionId"].$patch(
                      { param: { roadmapId, sectionId: editing.sectionId }, json: { version, ...fields } },
                      options,
                    ),
                  );
                  setNotice(`Раздел «${fields.title}» сохранён`);
                } else {
                  await sendChecked(problems, (options) =>
                    api.roadmaps[":roadmapId"].sections.$post({ param: { roadmapId }, json: fields }, options),
                  );
                  setNotice(`Раздел «${fields.title}» добавлен`);
                }
                setSectionForm(null);
                detail.reload();
              }}
            />
          )}
          {removingSection && (
            <ConfirmDialog
              title="Удалить раздел?"
              confirmLabel="Удалить раздел"
              danger
              busy={removal.busy}
              error={removal.error}
              onCancel={() => setRemovingSection(null)}
              onConfirm={() =>
                void removal.run(async () => {
                  try {
                    await unwrap(
                      api.roadmaps[":roadmapId"].sections[":sectionId"].$delete({
                        param: { roadmapId, sectionId: removingSection.sectionId },
                      }),
                    );
                    setRemovingSection(null);
                    setNotice(`Раздел «${removingSection.title}» удалён`);
                  } finally {
                    detail.reload();
                  }
                })
              }
            >
              <p>
                Раздел {sectionName(removingSection)} «{removingSection.title}» будет удалён. Удалить можно только раздел без мероприятий:
                сначала перенесите или удалите их.
              </p>
            </ConfirmDialog>
          )}
          {editing && (
            <EditItem
              roadmapId={roadmapId}
              item={editing}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setNotice("Изменения сохранены");
                detail.reload();
              }}
            />
          )}
          {adding !== null && (
            <AddItem
              onClose={() => setAdding(null)}
              onSave={async (input) => {
                await unwrap(
                  api.roadmaps[":roadmapId"].items.$post({
                    param: { roadmapId },
                    json: { ...input, ...(adding ? { sectionId: adding } : {}) },
                  }),
                );
                setAdding(null);
                setNotice("Мероприятие добавлено");
                detail.reload();
              }}
            />
          )}
          {deleting && (
            <ConfirmDialog
              title="Удалить дорожную карту?"
              confirmLabel="Удалить"
              danger
              busy={change.busy}
              error={change.error}
              onCancel={() => setDeleting(false)}
              onConfirm={() =>
                void change.run(async () => {
                  await unwrap(api.roadmaps[":roadmapId"].$delete({ param: { roadmapId }, query: { version: String(data.version) } }));
                  navigate("/roadmaps");
                })
              }
            >
              <p>Дорожная карта «{data.title}» и все её мероприятия будут удалены без возможности восстановления.</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </Async>
  );
}

function Items({
  data,
  filter,
  setFilter,
  executor,
  setExecutor,
  canWrite,
  onStatus,
  onEdit,
  onMove,
  onAdd,
  onEditSection,
  onMoveSection,
  onRemoveSection,
}: {
  data: RoadmapDetail;
  filter: Filter;
  setFilter: (filter: Filter) => void;
  executor: string;
  setExecutor: (executor: string) => void;
  canWrite: boolean;
  onStatus: (item: RoadmapItem, status: ItemStatus, occurrenceKey?: string) => void;
  onEdit: (item: RoadmapItem) => void;
  onMove: (item: RoadmapItem, index: number) => void;
  onAdd: (sectionId: string) => void;
  onEditSection: (section: RoadmapSection) => void;
  onMoveSection: (section: RoadmapSection, direction: Direction) => void;
  onRemoveSection: (section: RoadmapSection) => void;
}) {
  const groups = [
    ...data.sections,
    ...(data.unsectioned.length ? [{ sectionId: "", number: undefined, title: "Без раздела", items: data.unsectioned }] : []),
  ];
  const executors = [...new Set(groups.flatMap((g) => g.items.flatMap((i) => (i.executors ? [i.executors] : []))))].sort((a, b) =>
    a.localeCompare(b, "ru"),
  );
  const visible = (item: RoadmapItem) =>
    (filter === "all" || (filter === "overdue" && item.overdue) || (filter === "month" && item.dueThisMonth)) &&
    (!executor || item.executors === executor);
  const shown = groups.reduce((n, g) => n + g.items.filter(visible).length, 0);
  return (
    <>
      <div className="filters no-print">
        <SelectField label="Показать" name="filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="all">Все мероприятия</option>
          <option value="overdue">Просроченные</option>
          <option value="month">Срок в этом месяце</option>
        </SelectField>
        <SelectField label="Ответственный" name="executor" value={executor} onChange={(e) => setExecutor(e.target.value)}>
          <option value="">Все</option>
          {executors.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="summary" aria-live="polite">
        Показано: {countOf(shown, roadmapNouns.item)}
      </p>
      <TableWrap>
        <table className="roadmap-table">
          <caption className="visually-hidden">Мероприятия дорожной карты</caption>
          <thead>
            <tr>
              <th scope="col">№ п/п</th>
              <th scope="col">Наименование мероприятий</th>
              <th scope="col">Срок реализации</th>
              <th scope="col">Ответственный исполнитель</th>
              <th scope="col">Результат. Вид документа</th>
              <th scope="col">Статус</th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Действия</span>
                </th>
              )}
            </tr>
          </thead>
          {groups.map((group) => {
            const items = group.items.filter(visible);
            return (
              <tbody key={group.sectionId || "none"}>
                <tr className="section-row">
                  <th scope="colgroup" colSpan={canWrite ? 7 : 6}>
                    {group.number ? `${group.number}. ` : ""}
                    {group.title}
                    {canWrite && "version" in group && (
                      <SectionControls
                        id={sectionControlsId(group)}
                        section={group}
                        index={data.sections.indexOf(group)}
                        count={data.sections.length}
                        onAdd={() => onAdd(group.sectionId)}
                        onEdit={() => onEditSection(group)}
                        onMove={(direction) => onMoveSection(group, direction)}
                        onRemove={() => onRemoveSection(group)}
                      />
                    )}
                  </th>
                </tr>
                {items.map((item) => {
                  const index = group.items.indexOf(item);
                  return (
                    <tr
                      key={item.itemId}
                      id={`item-${item.itemId}`}
                      className={item.overdue ? "overdue" : undefined}
                      data-item={item.number}
                    >
                      <td>{item.number}</td>
                      <td className="item-name">
                        {item.name}
                        {item.comments && <span className="deadline-label">Комментарий: {item.comments}</span>}
                      </td>
                      <td>
                        {item.deadlineText}
                        <span className="deadline-label">
                          {item.deadlineWarning ? (
                            <span className="warning-text">{item.deadlineWarning}</span>
                          ) : item.deadlineLabel.toLowerCase() !== item.deadlineText?.toLowerCase().replace(/\s*г\.?$/, "") ? (
                            item.deadlineLabel
                          ) : null}
                          {item.nextDue ? ` · ближайший срок ${formatDate(item.nextDue)}` : ""}
                        </span>
                      </td>
                      <td>{item.executors}</td>
                      <td>{item.result}</td>
                      <td>
                        <ItemStatusCell item={item} canWrite={canWrite} onStatus={onStatus} />
                      </td>
                      {canWrite && (
                        <td className="row-actions">
                          <div className="inline-controls">
                            <button
                              type="button"
                              className="button secondary small"
                              onClick={() => onEdit(item)}
                              aria-label={`Изменить мероприятие ${itemRef(item)}`}
                            >
                              Изменить
                            </button>
                            <MoveButtons
                              noun={`мероприятие ${itemRef(item)}`}
                              index={index}
                              count={group.items.length}
                              onMove={(direction) => onMove(item, direction === "up" ? index - 1 : index + 1)}
                            />
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </TableWrap>
    </>
  );
}

function ItemStatusCell({
  item,
  canWrite,
  onStatus,
}: {
  item: RoadmapItem;
  canWrite: boolean;
  onStatus: (item: RoadmapItem, status: ItemStatus, occurrenceKey?: string) => void;
}) {
  const id = useId();
  const done = item.occurrences.filter((o) => o.status === "done" && o.completedAt).at(-1)?.completedAt;
  const badge = (
    <>
      {item.overdue && <span className="badge overdue">{overdueLabel}</span>}{" "}
      <span className={`badge item-${item.status}`}>{itemStatusLabels[item.status]}</span>
      {item.status === "done" && done && <span className="deadline-label">{formatDate(done)}</span>}
    </>
  );
  if (!canWrite) return badge;
  if (item.occurrences.length === 1) {
    return (
      <div>
        {item.overdue && <span className="badge overdue">{overdueLabel}</span>}
        <label className="visually-hidden" htmlFor={id}>
          Статус мероприятия {itemRef(item)}
        </label>
        <select id={id} value={item.status} onChange={(e) => onStatus(item, e.target.value as ItemStatus)}>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {itemStatusLabels[status]}
            </option>
          ))}
        </select>
        {item.status === "done" && done && <span className="deadline-label">{formatDate(done)}</span>}
      </div>
    );
  }
  return (
    <details>
      <summary>{badge}</summary>
      <ul className="plain">
        {item.occurrences.map((occurrence) => (
          <li key={occurrence.key}>
            <label>
              {occurrence.due ? `до ${formatDate(occurrence.due)}` : occurrence.key}{" "}
              <select value={occurrence.status} onChange={(e) => onStatus(item, e.target.value as ItemStatus, occurrence.key)}>
                {statuses.map((status) => (
                  <option key={status} value={status}>
                    {itemStatusLabels[status]}
                  </option>
                ))}
              </select>
            </label>
            {occurrence.overdue && <span className="badge overdue"> {overdueLabel}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Edits an item: its texts and, when it has one occurrence, its completion and evidence. A completion date that does
 * not exist goes as typed with the form's message, and the server then only validates the form (sendChecked), for the
 * other fields' errors.
 */
function EditItem({
  roadmapId,
  item,
  onClose,
  onSaved,
}: {
  roadmapId: string;
  item: RoadmapItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = useSubmit();
  const single = item.occurrences.length === 1 ? item.occurrences[0] : undefined;
  const [form, setForm] = useState({
    number: item.number ?? "",
    name: item.name,
    deadlineText: item.deadlineText ?? "",
    executors: item.executors ?? "",
    result: item.result ?? "",
    comments: item.comments ?? "",
    completedAt: dateText(single?.completedAt),
    note: single?.evidence?.note ?? "",
    documentNumber: single?.evidence?.documentNumber ?? "",
    link: single?.evidence?.link ?? "",
  });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      const { dates, problems } = checkDates({ completedAt: { text: form.completedAt, label: "Дата выполнения" } });
      const json: ItemUpdate = {
        version: item.version,
        number: form.number,
        name: form.name,
        deadlineText: form.deadlineText,
        executors: form.executors,
        result: form.result,
        comments: form.comments,
        ...(single
          ? {
              completedAt: single.status === "done" ? dates.completedAt : undefined,
              evidence: { note: form.note, documentNumber: form.documentNumber, link: form.link },
            }
          : {}),
      };
      await sendChecked(problems, (options) =>
        api.roadmaps[":roadmapId"].items[":itemId"].$patch({ param: { roadmapId, itemId: item.itemId }, json }, options),
      );
      onSaved();
    });
  };
  return (
    <Dialog title={`Мероприятие ${itemRef(item)}`} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField label="№ п/п" name="number" value={form.number} onChange={set("number")} error={save.field("number")} />
        <TextField
          label="Наименование мероприятия"
          name="name"
          required
          value={form.name}
          onChange={set("name")}
          error={save.field("name")}
        />
        <TextField
          label="Срок реализации"
          name="deadlineText"
          value={form.deadlineText}
          onChange={set("deadlineText")}
          hint="Как в документе: «до 30.09.2026», «Октябрь – ноябрь 2026», «ежеквартально», «в течение года»"
          error={save.field("deadlineText")}
        />
        <TextField label="Ответственный исполнитель" name="executors" value={form.executors} onChange={set("executors")} />
        <TextField label="Результат. Вид документа" name="result" value={form.result} onChange={set("result")} />
        <TextField label="Комментарии" name="comments" value={form.comments} onChange={set("comments")} />
        {single && (
          <fieldset>
            <legend>Выполнение</legend>
            {single.status === "done" && (
              <DateField
                label="Дата выполнения"
                name="completedAt"
                value={form.completedAt}
                onChange={set("completedAt")}
                error={save.field("completedAt")}
              />
            )}
            <TextField
              label="Подтверждение: номер документа"
              name="documentNumber"
              value={form.documentNumber}
              onChange={set("documentNumber")}
            />
            <TextField
              label="Подтверждение: ссылка"
              name="link"
              type="url"
              value={form.link}
              onChange={set("link")}
              error={save.field("evidence.link")}
            />
            <TextField label="Подтверждение: примечание" name="note" value={form.note} onChange={set("note")} />
          </fieldset>
        )}
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          Сохранить
        </DialogButtons>
      </form>
    </Dialog>
  );
}

function AddItem({
  onClose,
  onSave,
}: {
  onClose: () => void;
  onSave: (input: { number?: string; name: string; deadlineText?: string; executors?: string; result?: string }) => Promise<void>;
}) {
  const save = useSubmit();
  const [form, setForm] = useState({ number: "", name: "", deadlineText: "", executors: "", result: "" });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  return (
    <Dialog title="Новое мероприятие" onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(() => onSave(form));
        }}
      >
        <FormError error={save.error} />
        <TextField label="№ п/п" name="number" value={form.number} onChange={set("number")} />
        <TextField
          label="Наименование мероприятия"
          name="name"
          required
          value={form.name}
          onChange={set("name")}
          error={save.field("name")}
        />
        <TextField label="Срок реализации" name="deadlineText" value={form.deadlineText} onChange={set("deadlineText")} />
        <TextField label="Ответственный исполнитель" name="executors" value={form.executors} onChange={set("executors")} />
        <TextField label="Результат. Вид документа" name="result" value={form.result} onChange={set("result")} />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          Добавить
        </DialogButtons>
      </form>
    </Dialog>
  );
}
