import { type FormEvent, type ReactNode, useState } from "react";
import { ApiError, api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, TextAreaField, TextField } from "../../components/Form";
import { Async, EmptyState, Notice } from "../../components/Status";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/format";
import { countOf, nouns } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { staleCurrent, useSubmit } from "../../lib/useSubmit";
import { PracticeSummary } from "./PracticeSummary";
import type { RegionPractice } from "./types";
import "./practices.css";

type Review = { practice: RegionPractice; action: "publish" | "return" };

/** The practices the region's institutions sent: the ones waiting for the centre's decision, then the published ones. */
export default function RegionPracticesPage() {
  const me = useMe();
  const canReview = roleCan(me.role, "practices.review");
  const practices = useResource(() => unwrap(api.practices.region.$get()), []);
  const [notice, setNotice] = useState("");
  const [reviewing, setReviewing] = useState<Review | null>(null);

  const reviewButtons = (practice: RegionPractice) => {
    const whose = ` практику «${practice.title}», ${practice.institutionName ?? ""}`;
    return (
      <>
        <button type="button" className="button" onClick={() => setReviewing({ practice, action: "publish" })}>
          Опубликовать<span className="visually-hidden">{whose}</span>
        </button>
        <button type="button" className="button secondary" onClick={() => setReviewing({ practice, action: "return" })}>
          Вернуть на доработку<span className="visually-hidden">{whose}</span>
        </button>
      </>
    );
  };
  const publication = (practice: RegionPractice) => (
    <>
      {practice.publishedAt && formatDate(practice.publishedAt)}
      {practice.platformUrl && (
        <div>
          <a href={practice.platformUrl} rel="noreferrer">
            На платформе<span className="visually-hidden"> — «{practice.title}»</span>
          </a>
        </div>
      )}
    </>
  );

  return (
    <>
      <h1>Лучшие практики</h1>
      <p className="summary">
        Практики наставничества, которые организации региона отправили в РНЦ для публикации на региональной онлайн-платформе.
      </p>
      {notice && <Notice>{notice}</Notice>}
      <Async resource={practices}>
        {(data) => {
          if (data.items.length === 0)
            return (
              <EmptyState title="Организации пока не отправляли практик">
                <p>
                  Организации оформляют лучшие практики наставничества в методические разработки и отправляют их в РНЦ — обычно до 20
                  декабря вместе с итоговым сборником. Отправленные практики появятся здесь.
                </p>
              </EmptyState>
            );
          const waiting = data.items.filter((practice) => practice.status === "sent");
          const published = data.items.filter((practice) => practice.status === "published");
          return (
            <>
              <h2>Ждут решения РНЦ: {countOf(waiting.length, nouns.practice)}</h2>
              {waiting.length === 0 ? (
                <p>Новых практик нет.</p>
              ) : (
                <PracticeTable
                  caption="Практики, ждущие решения РНЦ"
                  practices={waiting}
                  last={canReview ? { header: "Действия", cell: reviewButtons, className: "row-actions" } : undefined}
                />
              )}
              <h2>Опубликованы: {countOf(published.length, nouns.practice)}</h2>
              {published.length === 0 ? (
                <p>Опубликованных практик пока нет.</p>
              ) : (
                <PracticeTable caption="Опубликованные практики" practices={published} last={{ header: "Публикация", cell: publication }} />
              )}
            </>
          );
        }}
      </Async>
      {reviewing && (
        <ReviewDialog
          review={reviewing}
          onClose={() => setReviewing(null)}
          onDone={(message) => {
            setReviewing(null);
            setNotice(message);
            practices.reload();
          }}
          onChanged={practices.reload}
        />
      )}
    </>
  );
}

function PracticeTable({
  caption,
  practices,
  last,
}: {
  caption: string;
  practices: RegionPractice[];
  /** The table's last column: the centre's actions, or the publication. */
  last?: { header: string; cell: (practice: RegionPractice) => ReactNode; className?: string };
}) {
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Организация</th>
            <th scope="col">Практика</th>
            <th scope="col">Отправлена</th>
            {last && <th scope="col">{last.header}</th>}
          </tr>
        </thead>
        <tbody>
          {practices.map((practice) => (
            <tr key={`${practice.tenantId}/${practice.practiceId}`}>
              <td>{practice.institutionName}</td>
              <th scope="row">
                <PracticeSummary practice={practice} />
              </th>
              <td>{practice.sentAt && formatDate(practice.sentAt)}</td>
              {last && <td className={last.className}>{last.cell(practice)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The two decisions on a sent practice: each asks for one thing and names the version it was taken on. */
const reviews = {
  publish: {
    title: "Опубликовать практику",
    label: "Ссылка на публикацию",
    hint: "Адрес страницы практики на региональной онлайн-платформе, начинается с https://",
    field: "platformUrl",
    submit: "Опубликовать",
    done: (title: string) => `Практика «${title}» опубликована`,
  },
  return: {
    title: "Вернуть практику на доработку",
    label: "Комментарий для организации",
    hint: "Что доработать: организация увидит комментарий рядом с практикой",
    field: "comment",
    submit: "Вернуть на доработку",
    done: (title: string) => `Практика «${title}» возвращена на доработку`,
  },
} as const;

/**
 * Publishes a sent practice at the address given, or returns it to its institution with a comment. When it changed
 * meanwhile (409: someone else decided first; 404: it is no longer sent), the server's message says so and the list
 * reloads; after a stale version the next attempt is made on the current one.
 */
function ReviewDialog({
  review: { practice, action },
  onClose,
  onDone,
  onChanged,
}: {
  review: Review;
  onClose: () => void;
  onDone: (message: string) => void;
  onChanged: () => void;
}) {
  const [value, setValue] = useState("");
  const [version, setVersion] = useState(practice.version);
  const submit = useSubmit();
  const text = reviews[action];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      const request = api.practices.region[":tenantId"][":practiceId"];
      const param = { tenantId: practice.tenantId, practiceId: practice.practiceId };
      try {
        if (action === "publish") await unwrap(request.publish.$post({ param, json: { platformUrl: value.trim(), version } }));
        else await unwrap(request.return.$post({ param, json: { comment: value.trim(), version } }));
        onDone(text.done(practice.title));
      } catch (error) {
        const current = staleCurrent<RegionPractice>(error);
        if (current) setVersion(current.version);
        if (error instanceof ApiError && (error.status === 404 || error.status === 409)) onChanged();
        throw error;
      }
    });
  };

  const field = {
    label: text.label,
    name: text.field,
    required: true,
    hint: text.hint,
    value,
    onChange: (event: { target: { value: string } }) => setValue(event.target.value),
    error: submit.field(text.field),
  };
  return (
    <Dialog title={text.title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          «{practice.title}», {practice.institutionName}
        </p>
        <FormError error={submit.error} />
        {action === "publish" ? <TextField type="url" {...field} /> : <TextAreaField rows={4} {...field} />}
        <DialogButtons busy={submit.busy} onCancel={onClose}>
          {text.submit}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
