import { categoryLabels, formByCode } from "../forms/catalogue";
import { meetingStageLabels, pairStatusLabels } from "../pair/labels";
import { rewardLevelLabels, rewardMeasureLabels } from "../reward/labels";
import { downloadName } from "../file-name";
import { type Sheet, dateCell, writeXlsx } from "../tabular";
import type { Participant } from "./index";
import { participantStatusLabels, sensitiveFlagLabels } from "./labels";
import { shortName } from "./names";

type Export = Awaited<ReturnType<typeof Participant.exportData>>;

const list = (value: readonly string[] | undefined) => (value ?? []).join("; ");

/** The export's file name, by the person: «Данные участника Иванова М. С.xlsx». */
export const participantExportFileName = (data: Pick<Export, "participant">, extension: "xlsx" | "json") =>
  downloadName(shortName(data.participant.fullName), extension, "Данные участника");

/** A pair as the sheets name it: «Ученик – ученик: Иванов И. И. — Петров П. П.» (its form, mentor and mentees). */
export const pairTitle = (x: Pick<Export["pairs"][number], "pair" | "mentor" | "mentees">) =>
  `${formByCode(x.pair.form).label}: ${x.mentor} — ${x.mentees.join(", ")}`;

/**
 * The personal-data export as a workbook: the person, consents, pairs with plans, meetings, rewards. Its timestamps (created,
 * changed) are dated in the region's time zone.
 */
export async function participantExportXlsx(data: Export, timeZone: string): Promise<Buffer> {
  const date = (value: string | undefined) => dateCell(value, timeZone);
  const p = data.participant;
  const sheets: Sheet[] = [
    {
      name: "Участник",
      columns: [
        { header: "Поле", width: 30 },
        { header: "Значение", width: 60 },
      ],
      rows: [
        ["Идентификатор", p.participantId],
        ["ФИО", p.fullName],
        ["Дата рождения", date(p.birthDate)],
        ["Год рождения", p.birthYear ?? ""],
        ["Категория", categoryLabels[p.category]],
        ["Класс или группа", p.group ?? ""],
        ["Электронная почта", p.email ?? ""],
        ["Телефон", p.phone ?? ""],
        ["Наставник", p.isMentor ? "да" : "нет"],
        ["Наставляемый", p.isMentee ? "да" : "нет"],
        ["Запросы", list(p.requests)],
        ["Потребности", p.needs ?? ""],
        ["Компетенции", list(p.competences)],
        ["Опыт", p.experience ?? ""],
        ["Число наставляемых", p.capacity ?? ""],
        ["Организация-партнёр", p.partnerOrg ?? ""],
        [
          "Отметки о мерах доступности",
          list(p.sensitiveFlags?.map((flag) => (sensitiveFlagLabels as Record<string, string>)[flag] ?? flag)),
        ],
        ["Статус", participantStatusLabels[p.status]],
        ["Создан", date(p.createdAt)],
        ["Изменён", date(p.updatedAt)],
      ],
    },
    {
      name: "Согласия",
      columns: ["Подписал", "Представитель", "Кем приходится", "Дата", "Документ", "Скан", "Отозвано"].map((header) => ({
        header,
        width: 20,
      })),
      rows: data.consents.map((c) => [
        c.signerKind === "self" ? "сам участник" : "законный представитель",
        c.representativeName ?? "",
        c.representativeRelation ?? "",
        date(c.signedAt),
        c.document,
        c.scanRef ?? "",
        date(c.withdrawnAt),
      ]),
    },
    {
      name: "Пары",
      columns: [
        "Форма",
        "Наставник",
        "Наставляемые",
        "Роль",
        "Статус",
        "Начало",
        "Окончание",
        "Цели плана",
        "Результаты",
        "Идентификатор пары",
      ].map((header) => ({ header, width: 20 })),
      rows: data.pairs.map((x) => [
        formByCode(x.pair.form).label,
        x.mentor,
        x.mentees.join(", "),
        x.role === "mentor" ? "наставник" : "наставляемый",
        pairStatusLabels[x.pair.status],
        date(x.pair.startDate),
        date(x.pair.endDate),
        list(x.plan.goals),
        x.pair.results ?? "",
        x.pair.pairId,
      ]),
    },
    {
      name: "Встречи",
      columns: [
        { header: "Пара", width: 50 },
        ...["Дата", "Этап", "Минут", "Заметки", "Отзыв наставника", "Отзыв наставляемого", "Идентификатор пары"].map((header) => ({
          header,
          width: 20,
        })),
      ],
      rows: data.pairs.flatMap((x) =>
        x.meetings.map((m) => [
          pairTitle(x),
          date(m.date),
          meetingStageLabels[m.stage],
          m.durationMinutes,
          m.notes ?? "",
          m.mentorFeedback ?? "",
          m.menteeFeedback ?? "",
          x.pair.pairId,
        ]),
      ),
    },
    {
      name: "Поощрения",
      columns: ["Дата", "Мера поощрения", "Уровень", "Основание", "Примечание"].map((header) => ({ header, width: 24 })),
      rows: data.rewards.map((r) => [
        date(r.date),
        rewardMeasureLabels[r.measure],
        rewardLevelLabels[r.level],
        r.basis ?? "",
        r.note ?? "",
      ]),
    },
  ];
  return writeXlsx(sheets);
}
