import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { FormError, SubmitButton, TextAreaField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { useSubmit } from "../../lib/useSubmit";
import { IndicatorTable, SubmissionHistory } from "./IndicatorValues";
import { submissionStatusLabels } from "@rnc/core/labels";
import { type SubmissionView, submissionStatusClass } from "./types";
import "./monitoring.css";

/** The region reviews one institution's submission: accept it, or return it with a comment. */
export default function ReviewPage() {
  const { campaignId = "", tenantId = "" } = useParams();
  const me = useMe();
  const [notice, setNotice] = useState("");
  const submission = useResource(
    () => unwrap(api.monitoring.campaigns[":campaignId"].submissions[":tenantId"].$get({ param: { campaignId, tenantId } })),
    [campaignId, tenantId],
  );
  useRecordTitle(submission.data && `Отчёт организации: ${submission.data.institutionName}`);
  return (
    <Async resource={submission}>
      {(view) => (
        <>
          <p>
            <Link to={`/region/monitoring/${campaignId}`}>← Ход сдачи</Link>
          </p>
          <h1>{view.institutionName}</h1>
          <p className="summary">
            {view.campaign.name}.{" "}
            <span className={`badge ${submissionStatusClass[view.status]}`}>{submissionStatusLabels[view.status]}</span>
            {view.late && <span className="badge status-suspended">с опозданием</span>}
            {view.submittedAt && <> Отправлен {formatDateTime(view.submittedAt)}.</>}
          </p>
          {notice && <Notice>{notice}</Notice>}
          {view.submittedAt ? <IndicatorTable view={view} /> : <p>Организация ещё не отправила отчёт: черновик виден только ей.</p>}
          {roleCan(me.role, "monitoring.manage") && (view.status === "submitted" || view.status === "resubmitted") && (
            <ReviewActions
              view={view}
              onDone={(next, message) => {
                submission.set(() => next);
                setNotice(message);
              }}
              campaignId={campaignId}
              tenantId={tenantId}
            />
          )}
          <SubmissionHistory view={view} />
        </>
      )}
    </Async>
  );
}

function ReviewActions({
  view,
  campaignId,
  tenantId,
  onDone,
}: {
  view: SubmissionView;
  campaignId: string;
  tenantId: string;
  onDone: (next: SubmissionView, message: string) => void;
}) {
  const [comment, setComment] = useState("");
  const accept = useSubmit();
  const giveBack = useSubmit();
  const path = api.monitoring.campaigns[":campaignId"].submissions[":tenantId"];

  const onAccept = () =>
    accept.run(async () => {
      onDone(await unwrap(path.accept.$post({ param: { campaignId, tenantId }, json: { version: view.version } })), "Отчёт принят");
    });
  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    void giveBack.run(async () => {
      onDone(
        await unwrap(path.return.$post({ param: { campaignId, tenantId }, json: { comment, version: view.version } })),
        "Отчёт возвращён на доработку",
      );
    });
  };

  return (
    <section aria-labelledby="review-title" className="card">
      <h2 id="review-title">Проверка</h2>
      <FormError error={accept.error} />
      <p>
        <button type="button" className="button" onClick={onAccept} aria-disabled={accept.busy || undefined}>
          Принять отчёт
        </button>
      </p>
      <form onSubmit={onReturn} noValidate>
        <FormError error={giveBack.error} />
        <TextAreaField
          label="Комментарий для организации"
          name="comment"
          hint="Обязателен при возврате на доработку: организация увидит его в своём отчёте"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={giveBack.field("comment")}
        />
        <SubmitButton busy={giveBack.busy}>Вернуть на доработку</SubmitButton>
      </form>
    </section>
  );
}
