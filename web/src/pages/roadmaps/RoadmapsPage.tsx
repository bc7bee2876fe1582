import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, TextField } from "../../components/Form";
import { Async, EmptyState, Notice } from "../../components/Status";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useSubmit } from "../../lib/useSubmit";
import { ProgressSummary } from "./Progress";
import { roadmapStatusLabels } from "@rnc/core/labels";
import { freeAcademicYear, roadmapNouns } from "./types";
import "./roadmaps.css";

export default function RoadmapsPage() {
  const me = useMe();
  const canManage = roleCan(me.role, "roadmap.manage");
  const navigate = useNavigate();
  const roadmaps = useResource(async () => (await unwrap(api.roadmaps.$get())).items, []);
  const [creating, setCreating] = useState(false);
  const [academicYear, setAcademicYear] = useState("");
  const [calendarUrl, setCalendarUrl] = useState<string | null>(null);
  const create = useSubmit();
  const calendar = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run(async () => {
      const roadmap = await unwrap(api.roadmaps["from-template"].$post({ json: { academicYear: academicYear.trim() } }));
      navigate(`/roadmaps/${roadmap.roadmapId}`);
    });
  };

  return (
    <>
      <div className="page-header">
        <h1>Дорожные карты</h1>
        {canManage && (
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setAcademicYear(freeAcademicYear(roadmaps.data ?? []));
                create.setError(null);
                setCreating(true);
              }}
            >
              Создать по шаблону
            </button>
            <Link className="button secondary" to="/roadmaps/import">
              Импорт таблицы
            </Link>
          </div>
        )}
      </div>
      <Async resource={roadmaps}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title="Дорожных карт пока нет">
              <p>Создайте дорожную карту по шаблону региона или загрузите таблицу, которая у вас уже есть.</p>
            </EmptyState>
          ) : (
            <>
              <p className="summary">{countOf(items.length, roadmapNouns.roadmap)}</p>
              <ul className="cards">
                {items.map((roadmap) => (
                  <li key={roadmap.roadmapId} className="card">
                    <h2>
                      <Link to={`/roadmaps/${roadmap.roadmapId}`}>{roadmap.title}</Link>
                    </h2>
                    <p>
                      {roadmap.period} · {roadmapStatusLabels[roadmap.status]} · {countOf(roadmap.progress.total, roadmapNouns.item)}
                    </p>
                    <ProgressSummary progress={roadmap.progress} label={`Прогресс: ${roadmap.title}`} />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Async>

      {canManage && (
        <>
          <h2>Календарь сроков</h2>
          <p>
            Секретная ссылка для календаря (Яндекс, Google, Outlook): все сроки мероприятий организации. Новая ссылка заменяет прежнюю —
            старая перестаёт работать.
          </p>
          {calendarUrl && (
            <Notice>
              Ссылка на календарь: <code>{calendarUrl}</code>
            </Notice>
          )}
          <FormError error={calendar.error} />
          <button
            type="button"
            className="button secondary"
            aria-disabled={calendar.busy}
            onClick={() =>
              calendar.run(async () => {
                setCalendarUrl((await unwrap(api.roadmaps["calendar-link"].$post())).url);
              })
            }
          >
            Получить новую ссылку
          </button>
        </>
      )}

      {creating && (
        <Dialog title="Дорожная карта по шаблону" onClose={() => setCreating(false)}>
          <form onSubmit={submit} noValidate>
            <FormError error={create.error} />
            {create.error?.code === "roadmap.year_taken" && typeof create.error.details.roadmapId === "string" && (
              <p>
                <Link to={`/roadmaps/${create.error.details.roadmapId}`}>Открыть дорожную карту этого года</Link>
              </p>
            )}
            <p>Разделы и мероприятия берутся из шаблона региона (или типового), сроки — на выбранный учебный год.</p>
            <TextField
              label="Учебный год"
              name="academicYear"
              hint="Например, 2026/27"
              required
              value={academicYear}
              onChange={(e) => setAcademicYear(e.target.value)}
              error={create.field("academicYear")}
            />
            <DialogButtons busy={create.busy} onCancel={() => setCreating(false)}>
              Создать
            </DialogButtons>
          </form>
        </Dialog>
      )}
    </>
  );
}
