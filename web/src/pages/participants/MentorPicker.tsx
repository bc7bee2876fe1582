import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { SelectField, TextField } from "../../components/Form";
import { countOf, nouns } from "../../lib/plural";
import { useDebounced } from "../../lib/useDebounced";
import { useResource } from "../../lib/useResource";

/** How many matches the list offers at once: the registry is searched, never loaded whole. */
const MENTORS_SHOWN = 50;

type Mentor = { participantId: string; fullName: string; group?: string };

const optionText = (mentor: Mentor) => (mentor.group ? `${mentor.fullName}, ${mentor.group}` : mentor.fullName);

/**
 * Chooses an active mentor of the registry: a search (by name, class or group, competences) narrows a list of the first
 * matches in name order, asked for from the server when the typing pauses. The chosen mentor stays in the list while
 * the search changes.
 */
export function MentorPicker({ value, onChange, error }: { value: string; onChange: (participantId: string) => void; error?: string }) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const found = useResource(
    () => unwrap(api.participants.$get({ query: { role: "mentor", status: "active", limit: String(MENTORS_SHOWN), ...(q ? { q } : {}) } })),
    [q],
  );
  const [chosen, setChosen] = useState<Mentor | null>(null);
  const items: Mentor[] = found.data?.items ?? [];
  const options = chosen?.participantId === value && !items.some((m) => m.participantId === value) ? [chosen, ...items] : items;

  const status = found.error
    ? found.error.message
    : found.loading || q !== search.trim()
      ? "Ищем наставников…"
      : items.length === 0
        ? q
          ? "Наставники не найдены: измените запрос"
          : "В базе нет активных наставников: отметьте участника как наставника в разделе «Участники»"
        : found.data?.cursor
          ? `Показаны первые ${countOf(items.length, nouns.mentor)} по алфавиту: уточните поиск, чтобы найти остальных`
          : `Найдено: ${countOf(items.length, nouns.mentor)}`;

  return (
    <div className="mentor-picker">
      <TextField
        label="Найти наставника"
        name="mentorSearch"
        type="search"
        autoComplete="off"
        hint="ФИО, класс или группа, компетенции"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        // Enter searches (it already has), it does not send the form.
        onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
      />
      <p className="hint" role="status">
        {status}
      </p>
      <SelectField
        label="Наставник"
        name="participantId"
        required
        value={value}
        onChange={(event) => {
          setChosen(options.find((m) => m.participantId === event.target.value) ?? null);
          onChange(event.target.value);
        }}
        error={error}
      >
        <option value="">Выберите наставника</option>
        {options.map((mentor) => (
          <option key={mentor.participantId} value={mentor.participantId}>
            {optionText(mentor)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
