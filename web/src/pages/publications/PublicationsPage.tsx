import { statusOf } from "@rnc/core/publication/cadence";
import { publicationChannelLabels, publicationFormatLabels } from "@rnc/core/publication/labels";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { DeleteRecordDialog, VersionedConfirmDialog } from "../../components/Dialog";
import { Async, EmptyState, Notice } from "../../components/Status";
import { RowActions } from "../../components/RowActions";
import { TableWrap } from "../../components/TableWrap";
import { YearFilter, currentYear } from "../../components/YearFilter";
import { formatDate, todayIso } from "../../lib/format";
import { type PluralForms, countOf, nouns, plural } from "../../lib/plural";
import { useRecordEditing } from "../../lib/useRecordEditing";
import { useResource } from "../../lib/useResource";
import { PublicationDialog } from "./PublicationDialog";
import type { Cadence, Publication } from "./types";

/** «из них 2 запланированы»: the participle agrees with «публикация». */
const planned: PluralForms = ["запланирована", "запланированы", "запланированы"];
/** «из них 1 не отмечена как вышедшая», «2 не отмечены как вышедшие». */
const unconfirmed: PluralForms = ["не отмечена как вышедшая", "не отмечены как вышедшие", "не отмечены как вышедшие"];
/** «прошёл 21 день», «прошло 22 дня», «прошло 12 дней»: the verb agrees with the number. */
const passed: PluralForms = ["прошёл", "прошло", "прошло"];

/** Planned, and its date still today or ahead. */
const isAhead = (publication: Publication, today: string) => publication.status === "planned" && publication.date >= today;
/**
 * Planned, and its date passed: it came out and nobody marked it, or it never did. Either way it does not count for
 * the weekly rule until it is marked published (or its date moved, or it is deleted).
 */
const isUnconfirmed = (publication: Publication, today: string) => publication.status === "planned" && publication.date < today;
/** A planned publication can be marked published once its date has come. */
const canMarkPublished = (publication: Publication, today: string) => publication.status === "planned" && publication.date <= today;

/** The edit that marks a publication published: all its fields as they are (an edit replaces them), over its version. */
const markedPublished = ({ title, date, channel, format, rubric, url, note, version }: Publication) => ({
  title,
  date,
  channel,
  format,
  rubric,
  url,
  note,
  status: "published" as const,
  version,
});

/**
 * The institution's media plan: its publications about mentoring, done and planned, of one year (the current one at
 * first) or of all years, and how long ago the last one was (the seeds' rule: at least once a week).
 */
export default function PublicationsPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "publications.write");
  /** The year shown; "" for all years. */
  const [year, setYear] = useState(currentYear);
  const publications = useResource(() => unwrap(api.publications.$get({ query: year ? { year } : {} })), [year]);
  const editor = useRecordEditing<Publication>(publications.reload);
  /** The planned publication being marked published (its confirmation open). */
  const [marking, setMarking] = useState<Publication | null>(null);
  /** The region's today as the server reads it (the browser's until the list has come). */
  const today = publications.data?.cadence.today ?? todayIso();

  return (
    <>
      <h1>Медиаплан</h1>
      <p className="summary">
        Публикации о наставничестве на сайте организации, в социальных сетях и СМИ — вышедшие и запланированные: анонсы, пост-релизы,
        новости, дайджесты, фотоальбомы, лонгриды.
      </p>
      {editor.notice && <Notice>{editor.notice}</Notice>}
      <YearFilter value={year} onChange={setYear} />
      {canWrite && (
        <p>
          <button type="button" className="button" onClick={editor.add}>
            Добавить публикацию
          </button>
        </p>
      )}
      <Async resource={publications}>
        {({ items, cadence }) => (
          <>
            <CadenceNotice cadence={cadence} />
            {items.length === 0 ? (
              <EmptyState title={year ? `Публикаций за ${year} год нет` : "Публикаций пока нет"}>
                <p>
                  Записывайте сюда каждую публикацию о наставничестве — и сделанную, и запланированную: пресс-релиз за 3–5 дней до события,
                  пост-релиз в течение дня после него, новости, дайджесты, фотоальбомы, плейлисты и лонгриды на сайте организации, в
                  социальных сетях, муниципальных и региональных СМИ.
                </p>
              </EmptyState>
            ) : (
              <>
                <p>{countLine(items, cadence.today, year)}</p>
                <TableWrap>
                  <table>
                    <caption className="visually-hidden">{year ? `Публикации медиаплана за ${year} год` : "Публикации медиаплана"}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Дата</th>
                        <th scope="col">Заголовок</th>
                        <th scope="col">Канал</th>
                        <th scope="col">Форма</th>
                        <th scope="col">Рубрика</th>
                        <th scope="col">Статус</th>
                        <th scope="col">Примечание</th>
                        {canWrite && <th scope="col">Действия</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((publication) => (
                        <tr key={publication.publicationId}>
                          <td className="nowrap">{formatDate(publication.date)}</td>
                          <th scope="row">
                            <PublicationTitle publication={publication} />
                          </th>
                          <td>{publicationChannelLabels[publication.channel]}</td>
                          <td>{publicationFormatLabels[publication.format]}</td>
                          <td>{publication.rubric ?? "—"}</td>
                          <td>
                            <PublicationStatus publication={publication} today={cadence.today} />
                          </td>
                          <td className="note-cell">{publication.note ?? "—"}</td>
                          {canWrite && (
                            <RowActions
                              what={`публикацию «${publication.title}»`}
                              onEdit={() => editor.edit(publication)}
                              onDelete={() => editor.remove(publication)}
                            >
                              {canMarkPublished(publication, cadence.today) && (
                                <button type="button" className="button" onClick={() => setMarking(publication)}>
                                  Отметить вышедшей<span className="visually-hidden"> публикацию «{publication.title}»</span>
                                </button>
                              )}
                            </RowActions>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </>
            )}
          </>
        )}
      </Async>
      {editor.editing && (
        <PublicationDialog
          publication={editor.editing.record}
          today={today}
          onClose={editor.closeEditor}
          onSaved={editor.onSaved(
            (saved) => `Публикация «${saved.title}» добавлена`,
            (saved) => `Публикация «${saved.title}» сохранена`,
          )}
          onChanged={publications.reload}
        />
      )}
      {marking && (
        <VersionedConfirmDialog
          key={marking.publicationId}
          record={marking}
          title="Отметить публикацию вышедшей?"
          confirmLabel="Отметить вышедшей"
          action={(publication) =>
            unwrap(
              api.publications[":publicationId"].$put({
                param: { publicationId: publication.publicationId },
                json: markedPublished(publication),
              }),
            )
          }
          // The edit writes the fields back: after a stale version, the publication as it is now (a field cleared
          // meanwhile stays cleared; the answer carries the whole stored record, a status only when one is stored).
          adopt={(_held, current) => ({ ...(current as Publication), status: statusOf(current as Publication, today) })}
          onDone={(publication) => {
            setMarking(null);
            editor.announce(`Публикация «${publication.title}» отмечена как вышедшая`);
          }}
          onChanged={publications.reload}
          onCancel={() => setMarking(null)}
        >
          {(publication) => (
            <p>
              Публикация «{publication.title}» от {formatDate(publication.date)} будет отмечена как вышедшая и начнёт учитываться в
              периодичности публикаций. Если материал не вышел, измените дату или удалите запись.
            </p>
          )}
        </VersionedConfirmDialog>
      )}
      <DeleteRecordDialog
        editor={editor}
        title="Удалить публикацию?"
        action={(publication) =>
          unwrap(
            api.publications[":publicationId"].$delete({
              param: { publicationId: publication.publicationId },
              query: { version: String(publication.version) },
            }),
          )
        }
        notice={(publication) => `Публикация «${publication.title}» удалена`}
      >
        {(publication) => (
          <p>
            Запись о публикации «{publication.title}» от {formatDate(publication.date)} будет удалена из медиаплана без возможности
            восстановления.
          </p>
        )}
      </DeleteRecordDialog>
    </>
  );
}

/** The title, a link to the publication when its address is known (opened in a new tab). */
function PublicationTitle({ publication }: { publication: Publication }) {
  if (!publication.url) return publication.title;
  return (
    <a href={publication.url} target="_blank" rel="noopener noreferrer">
      {publication.title}
      <span className="visually-hidden"> (откроется в новой вкладке)</span>
    </a>
  );
}

/**
 * Published, planned, or planned with its date passed: marked so (a warning's colours), it says it still waits to be
 * confirmed.
 */
function PublicationStatus({ publication, today }: { publication: Publication; today: string }) {
  if (publication.status === "published") return "Опубликована";
  if (isUnconfirmed(publication, today)) return <span className="badge status-suspended">Не отмечена как вышедшая</span>;
  return "Запланирована";
}

/**
 * How long ago the last publication was, and a warning when the weekly rule is broken (or nothing is published yet).
 * A status: after a save the reloaded reading is announced.
 */
function CadenceNotice({ cadence }: { cadence: Cadence }) {
  if (cadence.lastPublished === undefined || cadence.daysSinceLast === undefined)
    return (
      <p className="notice warning" role="status">
        Опубликованных материалов ещё нет: сведения о наставничестве обновляются не реже раза в неделю.
      </p>
    );
  const days = countOf(cadence.daysSinceLast, nouns.day);
  const when = cadence.daysSinceLast === 0 ? "сегодня" : cadence.daysSinceLast === 1 ? "вчера" : `${days} назад`;
  const last = `Последняя публикация — ${formatDate(cadence.lastPublished)}, ${when}.`;
  if (!cadence.overdue) return <p role="status">{last}</p>;
  const since = `со дня последней публикации ${plural(cadence.daysSinceLast, passed)} ${days}`;
  return (
    <p className="notice warning" role="status">
      {last} <strong>Сведения о наставничестве обновляются не реже раза в неделю: {since}.</strong>
    </p>
  );
}

/** «За 2026 год: 12 публикаций, из них 2 запланированы и 1 не отмечена как вышедшая». */
function countLine(items: Publication[], today: string, year: string) {
  const count = (test: (publication: Publication, today: string) => boolean) => items.filter((item) => test(item, today)).length;
  const parts = [
    [count(isAhead), planned],
    [count(isUnconfirmed), unconfirmed],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, forms]) => countOf(n, forms));
  const ofThem = shown.length > 0 ? `, из них ${shown.join(" и ")}` : "";
  return `${year ? `За ${year} год` : "За все годы"}: ${countOf(items.length, nouns.publication)}${ofThem}`;
}
