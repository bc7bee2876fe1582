import { type FormEvent, useEffect, useMemo, useState } from "react";
import { type ApiError, api, unwrap } from "../../api/client";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { countOf } from "../../lib/plural";
import { useFocusWhenShown } from "../../lib/useFocusWhenShown";
import { asApiError, useResource } from "../../lib/useResource";
import { invalid, isStale, sendChecked, staleCurrent, useSubmit } from "../../lib/useSubmit";
import { DeadlineReadingView, readingText } from "./DeadlineReading";
import { type Direction, MoveButtons, SectionControls, moveButtonIds } from "./SectionControls";
import { SectionDialog, nextSectionNumber, sectionName } from "./SectionDialog";
import { type DeadlineReading, type Template, type TemplateInput, currentAcademicYear, itemRef, roadmapNouns } from "./types";
import "./roadmaps.css";
import { TableWrap } from "../../components/TableWrap";

type ItemFields = { number: string; name: string; deadlineText: string; executors: string; result: string };
type DraftItem = ItemFields & { key: string };
type DraftSection = { key: string; number: string; title: string; items: DraftItem[] };
type Draft = { title: string; sections: DraftSection[] };

let lastKey = 0;
/** Rows of the draft need an identity of their own (numbers and names change while editing). */
const newKey = () => `t${++lastKey}`;

function toDraft(template: Template): Draft {
  return {
    title: template.title,
    sections: template.sections.map((section) => ({
      key: newKey(),
      number: section.number ?? "",
      title: section.title,
      items: section.items.map((item) => ({
        key: newKey(),
        number: item.number ?? "",
        name: item.name,
        deadlineText: item.deadlineText ?? "",
        executors: item.executors ?? "",
        result: item.result ?? "",
      })),
    })),
  };
}

/** Optional texts are left out when empty, as the API stores them. */
const optional = <K extends string>(key: K, value: string) => (value.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {});

function toInput(draft: Draft, version?: number): TemplateInput {
  return {
    ...(version === undefined ? {} : { version }),
    title: draft.title.trim(),
    sections: draft.sections.map((section) => ({
      ...optional("number", section.number),
      title: section.title.trim(),
      items: section.items.map((item) => ({
        ...optional("number", item.number),
        name: item.name.trim(),
        ...optional("deadlineText", item.deadlineText),
        ...optional("executors", item.executors),
        ...optional("result", item.result),
      })),
    })),
  };
}

/**
 * What must be fixed before publishing, worded like the server's messages (with any of these, the server only validates
 * the template, for its other problems: sendChecked). Section titles need no check: they come from the server or from
 * SectionDialog, and both refuse an empty one.
 */
function problemsOf(draft: Draft) {
  return [
    ...(draft.title.trim() ? [] : [{ path: "title", message: "Заполните поле «Название шаблона»" }]),
    ...(draft.sections.length ? [] : [{ path: "sections", message: "В шаблоне должен быть хотя бы один раздел" }]),
  ];
}

const swap = <T,>(list: T[], index: number, direction: Direction): T[] => {
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= list.length) return list;
  const next = [...list];
  [next[index], next[other]] = [next[other] as T, next[index] as T];
  return next;
};

/** Deadline readings already known, by academic year and then by text (trimmed). */
type ReadingCache = Map<string, Map<string, DeadlineReading>>;

/**
 * How deadline texts will be read in a roadmap for the academic year, from the server's own parser (the one the
 * import preview uses). The texts not read yet for the year are asked for a moment after the texts or the year stop
 * changing; the answers stay in `cache`, which the page shares with its item dialog, so a text is asked for once.
 * Until the texts of a new year are read, the readings of the year read last are shown.
 */
function useDeadlineReadings(cache: ReadingCache, academicYear: string, texts: string[]) {
  const [state, setState] = useState<{ year: string | null; error: ApiError | null }>({ year: null, error: null });
  const year = academicYear.trim();
  const known = cache.get(year);
  const unique = [...new Set(texts.map((text) => text.trim()))].sort();
  // A year never read is asked for even without texts: the server checks the year too.
  const missing = known ? unique.filter((text) => !known.has(text)) : unique;
  const complete = known !== undefined && missing.length === 0;
  const request = JSON.stringify([year, complete ? null : missing]);
  useEffect(() => {
    const [year, missing] = JSON.parse(request) as [string, string[] | null];
    if (!missing) {
      setState((previous) => (previous.year === year && !previous.error ? previous : { year, error: null }));
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      unwrap(api.roadmaps.template.deadlines.$post({ json: { academicYear: year, texts: missing } })).then(
        (answer) => {
          const readings = cache.get(year) ?? new Map<string, DeadlineReading>();
          for (const [i, text] of missing.entries()) readings.set(text, answer.readings[i] as DeadlineReading);
          cache.set(year, readings);
          if (current) setState({ year, error: null });
        },
        (error: unknown) => current && setState((previous) => ({ ...previous, error: asApiError(error) })),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [cache, request]);
  const shown = complete ? year : state.year;
  return { readingOf: (text: string) => (shown === null ? undefined : cache.get(shown)?.get(text.trim())), error: state.error };
}

/** The region's roadmap template: sections and items new roadmaps of the region's institutions start from. */
export default function RoadmapTemplatePage() {
  const template = useResource(() => unwrap(api.roadmaps.template.$get()), []);
  return (
    <>
      <h1>Шаблон дорожной карты</h1>
      <Async resource={template}>
        {(data) => <TemplateEditor template={data} onLoaded={(next) => template.set(() => next)} onReload={template.reload} />}
      </Async>
    </>
  );
}

function TemplateEditor({
  template,
  onLoaded,
  onReload,
}: {
  template: Template;
  onLoaded: (next: Template) => void;
  onReload: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(template));
  const [academicYear, setAcademicYear] = useState(currentAcademicYear());
  const [notice, setNotice] = useState<string | null>(null);
  const [itemForm, setItemForm] = useState<{ sectionKey: string; item?: DraftItem } | null>(null);
  const [sectionForm, setSectionForm] = useState<{ section?: DraftSection } | null>(null);
  const [removingSection, setRemovingSection] = useState<DraftSection | null>(null);
  const [resetting, setResetting] = useState(false);
  const save = useSubmit();
  const reset = useSubmit();

  // A newly loaded template (after publishing, a conflict or a reset) replaces the draft.
  const [loaded, setLoaded] = useState(template);
  if (loaded !== template) {
    setLoaded(template);
    setDraft(toDraft(template));
  }
  const baseline = useMemo(() => JSON.stringify(toInput(toDraft(template))), [template]);
  const dirty = JSON.stringify(toInput(draft)) !== baseline;

  // Rows that moved or appeared take the focus once the changed draft is shown.
  const focusLater = useFocusWhenShown(draft);

  const [readingCache] = useState<ReadingCache>(() => new Map());
  const texts = draft.sections.flatMap((section) => section.items.map((item) => item.deadlineText));
  const { readingOf, error: readingError } = useDeadlineReadings(readingCache, academicYear, texts);

  const updateSections = (change: (sections: DraftSection[]) => DraftSection[]) =>
    setDraft((current) => ({ ...current, sections: change(current.sections) }));

  const moveSection = (index: number, direction: Direction) => {
    const key = draft.sections[index]?.key;
    updateSections((sections) => swap(sections, index, direction));
    focusLater(moveButtonIds(`tpl-${key}`, direction));
  };

  const moveItem = (sectionKey: string, index: number, direction: Direction) => {
    const key = draft.sections.find((section) => section.key === sectionKey)?.items[index]?.key;
    updateSections((sections) =>
      sections.map((section) => (section.key === sectionKey ? { ...section, items: swap(section.items, index, direction) } : section)),
    );
    focusLater(moveButtonIds(`tpl-${key}`, direction));
  };

  const removeItem = (sectionKey: string, item: DraftItem) => {
    updateSections((sections) =>
      sections.map((section) =>
        section.key === sectionKey ? { ...section, items: section.items.filter((other) => other.key !== item.key) } : section,
      ),
    );
    setNotice(`Мероприятие ${itemRef(item)} убрано из шаблона. Изменения вступят в силу после публикации.`);
    focusLater([`tpl-${sectionKey}-add`]);
  };

  /** Puts an item into its section: in its place when edited there, at the end when new or moved to another section. */
  const saveItem = (sectionKey: string, fields: ItemFields, editing?: DraftItem) => {
    const item: DraftItem = { ...fields, key: editing?.key ?? newKey() };
    updateSections((sections) =>
      sections.map((section) => {
        const index = editing ? section.items.findIndex((other) => other.key === editing.key) : -1;
        if (section.key === sectionKey) {
          return index >= 0
            ? { ...section, items: section.items.map((other) => (other.key === item.key ? item : other)) }
            : { ...section, items: [...section.items, item] };
        }
        return index >= 0 ? { ...section, items: section.items.filter((other) => other.key !== item.key) } : section;
      }),
    );
    setNotice(`Мероприятие ${itemRef(fields)} ${editing ? "изменено" : "добавлено"}. Изменения вступят в силу после публикации.`);
    setItemForm(null);
  };

  const publish = () => {
    void save.run(async () => {
      try {
        const json = toInput(draft, template.version);
        const saved = await sendChecked(problemsOf(draft), (options) => api.roadmaps.template.$put({ json }, options));
        setNotice("Шаблон опубликован: новые дорожные карты организаций региона создаются по нему");
        onLoaded(saved);
      } catch (error) {
        // Another admin published first: show their template, so the change can be redone on top of it.
        if (isStale(error)) {
          const current = staleCurrent<Template>(error);
          if (current?.sections) onLoaded(current);
          else onReload();
        }
        throw error;
      }
    });
  };

  const itemCount = draft.sections.reduce((n, section) => n + section.items.length, 0);
  const readingYear = academicYear.trim();
  return (
    <>
      <div className="template-header">
        <p className="lead">
          {template.source === "region"
            ? "Опубликован шаблон региона: новые дорожные карты организаций создаются по нему. Уже созданные дорожные карты не меняются."
            : "Регион пока не опубликовал свой шаблон: школы получают типовую дорожную карту для школ, колледжи — для колледжей. Ниже — типовой шаблон для школ; после публикации по шаблону региона будут создаваться дорожные карты всех организаций."}
        </p>
        {notice && <Notice>{notice}</Notice>}
        <FormError error={save.error} />
        {isStale(save.error) && (
          <p className="hint">Показан шаблон, который опубликовал другой пользователь. Внесите изменения ещё раз и опубликуйте.</p>
        )}
        <TextField
          label="Название шаблона"
          name="title"
          required
          hint={`Дорожная карта получит название «${draft.title.trim() || "…"} на ${readingYear || "2026/27"} учебный год»`}
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          error={save.field("title")}
        />
        <TextField
          label="Учебный год для проверки сроков"
          name="academicYear"
          hint="Сроки без года или с «202_» вместо года привязываются к учебному году, который куратор выберет при создании дорожной карты"
          value={academicYear}
          onChange={(e) => setAcademicYear(e.target.value)}
          error={readingError ? (readingError.field("academicYear") ?? readingError.message) : undefined}
        />
      </div>
      <p className="summary">
        {countOf(draft.sections.length, roadmapNouns.section)}, {countOf(itemCount, roadmapNouns.item)}
        {dirty ? " · есть неопубликованные изменения" : ""}
      </p>
      <TableWrap>
        <table className="roadmap-table">
          <caption className="visually-hidden">Разделы и мероприятия шаблона</caption>
          <thead>
            <tr>
              <th scope="col">№ п/п</th>
              <th scope="col">Наименование мероприятий</th>
              <th scope="col">Срок реализации</th>
              <th scope="col">Как будет прочитан срок</th>
              <th scope="col">Ответственный исполнитель</th>
              <th scope="col">Результат. Вид документа</th>
              <th scope="col">
                <span className="visually-hidden">Действия</span>
              </th>
            </tr>
          </thead>
          {draft.sections.map((section, s) => (
            <tbody key={section.key}>
              <tr className="section-row">
                <th scope="colgroup" colSpan={7}>
                  {section.number ? `${section.number}. ` : ""}
                  {section.title}
                  {/* The server's check (e.g. a title too long) names the section's field. */}
                  {save.field(`sections.${s}.title`) && <span className="field-error">{save.field(`sections.${s}.title`)}</span>}
                  <SectionControls
                    id={`tpl-${section.key}`}
                    section={section}
                    index={s}
                    count={draft.sections.length}
                    onAdd={() => setItemForm({ sectionKey: section.key })}
                    onEdit={() => setSectionForm({ section })}
                    onMove={(direction) => moveSection(s, direction)}
                    onRemove={() => setRemovingSection(section)}
                  />
                </th>
              </tr>
              {section.items.map((item, i) => {
                const reading = readingOf(item.deadlineText);
                return (
                  <tr key={item.key} data-item={item.number || undefined}>
                    <td>{item.number}</td>
                    <td className="item-name">{item.name}</td>
                    <td>{item.deadlineText}</td>
                    <td>{reading ? <DeadlineReadingView reading={reading} /> : "…"}</td>
                    <td>{item.executors}</td>
                    <td>{item.result}</td>
                    <td className="row-actions">
                      <div className="inline-controls">
                        <button
                          type="button"
                          className="button secondary small"
                          onClick={() => setItemForm({ sectionKey: section.key, item })}
                          aria-label={`Изменить мероприятие ${itemRef(item)}`}
                        >
                          Изменить
                        </button>
                        <MoveButtons
                          id={`tpl-${item.key}`}
                          noun={`мероприятие ${itemRef(item)}`}
                          index={i}
                          count={section.items.length}
                          onMove={(direction) => moveItem(section.key, i, direction)}
                        />
                        <button
                          type="button"
                          className="button secondary small"
                          onClick={() => removeItem(section.key, item)}
                          aria-label={`Удалить мероприятие ${itemRef(item)}`}
                        >
                          Удалить
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </TableWrap>
      <div className="actions">
        <button type="button" id="tpl-add-section" className="button secondary" onClick={() => setSectionForm({})}>
          Добавить раздел
        </button>
      </div>
      <div className="actions">
        <button type="button" className="button" aria-disabled={save.busy || undefined} onClick={publish}>
          {save.busy ? "Публикуем…" : "Опубликовать шаблон"}
        </button>
        {dirty && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setDraft(toDraft(template));
              save.setError(null);
              setNotice("Изменения отменены");
            }}
          >
            Отменить изменения
          </button>
        )}
        {template.source === "region" && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              reset.setError(null);
              setResetting(true);
            }}
          >
            Вернуть типовой шаблон
          </button>
        )}
      </div>

      {itemForm && (
        <ItemDialog
          sections={draft.sections}
          sectionKey={itemForm.sectionKey}
          item={itemForm.item}
          academicYear={readingYear}
          readingCache={readingCache}
          onClose={() => setItemForm(null)}
          onSave={(sectionKey, fields) => saveItem(sectionKey, fields, itemForm.item)}
        />
      )}
      {sectionForm && (
        <SectionDialog
          section={sectionForm.section}
          suggestedNumber={nextSectionNumber(draft.sections)}
          onClose={() => setSectionForm(null)}
          onSave={async (fields, _version, problems) => {
            // The section is put in the draft, which is only checked by the server when it is published.
            if (problems.length > 0) throw invalid(problems);
            const editing = sectionForm.section;
            if (editing) {
              updateSections((sections) => sections.map((section) => (section.key === editing.key ? { ...section, ...fields } : section)));
            } else {
              const key = newKey();
              updateSections((sections) => [...sections, { key, ...fields, items: [] }]);
              focusLater([`tpl-${key}-add`]);
            }
            setSectionForm(null);
            setNotice(`Раздел «${fields.title}» ${editing ? "изменён" : "добавлен"}. Изменения вступят в силу после публикации.`);
          }}
        />
      )}
      {removingSection && (
        <ConfirmDialog
          title="Удалить раздел из шаблона?"
          confirmLabel="Удалить раздел"
          danger
          onCancel={() => setRemovingSection(null)}
          onConfirm={() => {
            updateSections((sections) => sections.filter((section) => section.key !== removingSection.key));
            setRemovingSection(null);
            setNotice(`Раздел «${removingSection.title}» убран из шаблона. Изменения вступят в силу после публикации.`);
            focusLater(["tpl-add-section"]);
          }}
        >
          <p>
            Раздел {sectionName(removingSection)} «{removingSection.title}»
            {removingSection.items.length
              ? ` и ${countOf(removingSection.items.length, roadmapNouns.item)} в нём будут убраны`
              : " будет убран"}{" "}
            из шаблона. Уже созданные дорожные карты не изменятся.
          </p>
        </ConfirmDialog>
      )}
      {resetting && (
        <ConfirmDialog
          title="Вернуть типовой шаблон?"
          confirmLabel="Вернуть типовой шаблон"
          danger
          busy={reset.busy}
          error={reset.error}
          onCancel={() => setResetting(false)}
          onConfirm={() =>
            void reset.run(async () => {
              await unwrap(api.roadmaps.template.$delete());
              setResetting(false);
              setNotice("Шаблон региона снят: школы и колледжи снова получают типовые дорожные карты");
              onReload();
            })
          }
        >
          <p>
            Шаблон региона будет снят с публикации. Новые дорожные карты будут создаваться по типовому шаблону (для школ и для колледжей
            свой). Уже созданные дорожные карты не изменятся.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

/**
 * Adds or edits one item of the draft; the deadline's reading for the academic year is shown as it is typed (from the
 * page's readings when the text is known there, asked for otherwise).
 */
function ItemDialog({
  sections,
  sectionKey,
  item,
  academicYear,
  readingCache,
  onClose,
  onSave,
}: {
  sections: DraftSection[];
  sectionKey: string;
  item?: DraftItem;
  academicYear: string;
  readingCache: ReadingCache;
  onClose: () => void;
  onSave: (sectionKey: string, fields: ItemFields) => void;
}) {
  const section = sections.find((s) => s.key === sectionKey);
  const [target, setTarget] = useState(sectionKey);
  const [form, setForm] = useState<ItemFields>(
    item ?? {
      number: section?.number ? `${section.number.replace(/\.$/, "")}.${section.items.length + 1}` : "",
      name: "",
      deadlineText: "",
      executors: "",
      result: "",
    },
  );
  const check = useSubmit();
  const { readingOf } = useDeadlineReadings(readingCache, academicYear, [form.deadlineText]);
  const reading = readingOf(form.deadlineText);
  const set = (field: keyof ItemFields) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.name.trim()) return check.setError(invalid([{ path: "name", message: "Заполните поле «Наименование мероприятия»" }]));
    onSave(target, form);
  };

  return (
    <Dialog title={item ? `Мероприятие ${itemRef(item)}` : "Новое мероприятие шаблона"} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <FormError error={check.error} />
        {sections.length > 1 && (
          <SelectField label="Раздел" name="section" value={target} onChange={(e) => setTarget(e.target.value)}>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.number ? `${s.number}. ` : ""}
                {s.title.length > 90 ? `${s.title.slice(0, 90)}…` : s.title}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label="№ п/п" name="number" value={form.number} onChange={set("number")} />
        <TextAreaField
          label="Наименование мероприятия"
          name="name"
          required
          rows={3}
          value={form.name}
          onChange={set("name")}
          error={check.field("name")}
        />
        <TextField
          label="Срок реализации"
          name="deadlineText"
          value={form.deadlineText}
          onChange={set("deadlineText")}
          hint={
            reading && form.deadlineText.trim()
              ? `Как будет прочитан на ${academicYear} учебный год: ${readingText(reading)}`
              : "Как в документе: «до 30.09.202_», «Октябрь – ноябрь 202_», «ежеквартально», «в течение года»"
          }
        />
        <TextField label="Ответственный исполнитель" name="executors" value={form.executors} onChange={set("executors")} />
        <TextField label="Результат. Вид документа" name="result" value={form.result} onChange={set("result")} />
        <DialogButtons busy={false} onCancel={onClose}>
          {item ? "Сохранить" : "Добавить"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
