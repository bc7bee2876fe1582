import { type FormEvent, useEffect, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { ConfirmDialog } from "../../components/Dialog";
import { FormError, SelectField, SubmitButton } from "../../components/Form";
import { Async, EmptyState, Notice } from "../../components/Status";
import { formatDate, parseRuDate, todayIso } from "../../lib/format";
import { countOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { sendBody, useSubmit } from "../../lib/useSubmit";
import { dateText } from "../../components/DateField";
import { CampaignDialog } from "./CampaignDialog";
import { type CampaignDraft, CampaignFields, campaignBody } from "./CampaignForm";
import { type Campaign, type CampaignInput, type Indicator, campaignKindLabels, campaignStatusLabels, monitoringNouns } from "./types";
import "./monitoring.css";
import { TableWrap } from "../../components/TableWrap";

/** The region's campaigns: the list, the builder of a new campaign, editing a draft, and publishing. */
export default function CampaignsPage() {
  const me = useMe();
  const canManage = roleCan(me.role, "monitoring.manage");
  const campaigns = useResource(() => unwrap(api.monitoring.campaigns.$get()), []);
  const [notice, setNotice] = useState("");
  const publish = useSubmit();
  const [editing, setEditing] = useState<Campaign | null>(null);
  const [publishing, setPublishing] = useState<Campaign | null>(null);

  /** Once confirmed: a published campaign cannot be changed. An error closes the dialog and shows above the list. */
  const onPublish = async (campaign: Campaign) => {
    await publish.run(async () => {
      const done = await unwrap(api.monitoring.campaigns[":campaignId"].publish.$post({ param: { campaignId: campaign.campaignId } }));
      setNotice(`Кампания «${done.name}» разослана: ${countOf(done.institutionsCount, monitoringNouns.institution)}`);
      campaigns.reload();
    });
    setPublishing(null);
  };

  return (
    <>
      <h1>Мониторинг</h1>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={publish.error} />
      <h2>Кампании</h2>
      <Async resource={campaigns}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Кампаний пока нет">{canManage && <p>Создайте первую кампанию ниже.</p>}</EmptyState>
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Кампании</caption>
                <thead>
                  <tr>
                    <th scope="col">Кампания</th>
                    <th scope="col">Период</th>
                    <th scope="col">Срок сдачи</th>
                    <th scope="col">Статус</th>
                    <th scope="col">Действия</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((campaign) => (
                    <tr key={campaign.campaignId}>
                      <th scope="row">
                        {campaign.status === "draft" ? (
                          campaign.name
                        ) : (
                          <Link to={`/region/monitoring/${campaign.campaignId}`}>{campaign.name}</Link>
                        )}
                        <div className="hint">{campaignKindLabels[campaign.kind]}</div>
                      </th>
                      <td className="nowrap">
                        {formatDate(campaign.periodStart)} — {formatDate(campaign.periodEnd)}
                      </td>
                      <td>{formatDate(campaign.deadline)}</td>
                      <td>
                        {campaignStatusLabels[campaign.status]}
                        {campaign.status !== "draft" && (
                          <div className="hint">{countOf(campaign.institutionsCount, monitoringNouns.institution)}</div>
                        )}
                      </td>
                      <td className="row-actions">
                        {campaign.status === "draft" && canManage ? (
                          <>
                            <button type="button" className="button secondary" onClick={() => setEditing(campaign)}>
                              Изменить<span className="visually-hidden"> черновик «{campaign.name}»</span>
                            </button>
                            <button
                              type="button"
                              className="button"
                              onClick={() => !publish.busy && setPublishing(campaign)}
                              aria-disabled={publish.busy || undefined}
                            >
                              Разослать организациям
                            </button>
                          </>
                        ) : campaign.status !== "draft" ? (
                          <Link to={`/region/monitoring/${campaign.campaignId}`}>Ход сдачи</Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      {publishing && (
        <PublishDialog
          campaign={publishing}
          busy={publish.busy}
          onConfirm={() => void onPublish(publishing)}
          onCancel={() => setPublishing(null)}
        />
      )}
      {editing && (
        <CampaignDialog
          campaign={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(`Черновик «${saved.name}» сохранён`);
            campaigns.reload();
          }}
          onChanged={campaigns.reload}
        />
      )}
      {canManage && (
        <CampaignBuilder
          onCreated={(c) => {
            setNotice(`Черновик «${c.name}» сохранён. Проверьте его и разошлите организациям.`);
            campaigns.reload();
          }}
        />
      )}
    </>
  );
}

/** «Разослать?» with the number of the region's working institutions, which publishing sends the campaign to. */
function PublishDialog({
  campaign,
  busy,
  onConfirm,
  onCancel,
}: {
  campaign: Campaign;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const active = useResource(() => unwrap(api.institutions.$get({ query: { status: "active" } })), []);
  const count = active.data?.items.length;
  return (
    <ConfirmDialog title="Разослать кампанию организациям?" confirmLabel="Разослать" busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        Кампания «{campaign.name}» будет разослана всем работающим организациям региона
        {count === undefined ? "" : ` (${countOf(count, monitoringNouns.institution)})`}. После рассылки её нельзя изменить, организации
        начнут заполнять отчёты.
      </p>
    </ConfirmDialog>
  );
}

/**
 * Where a new campaign's period starts by default, in the region's calendar: monitoring at the current or coming
 * half-year of the school year (1 September or 9 January), the federal count at 1 January (it counts a calendar year);
 * as the field shows it (ДД.ММ.ГГГГ).
 */
const defaultPeriodStart = (kind: CampaignInput["kind"]) => {
  const today = todayIso();
  const year = today.slice(0, 4);
  if (kind === "federal_count") return `01.01.${year}`;
  return Number(today.slice(5, 7)) >= 6 ? `01.09.${year}` : `09.01.${year}`;
};

function CampaignBuilder({ onCreated }: { onCreated: (campaign: Campaign) => void }) {
  const [kind, setKind] = useState<CampaignInput["kind"]>("monitoring");
  const [draft, setDraft] = useState<CampaignDraft>({
    name: "",
    periodStart: defaultPeriodStart("monitoring"),
    periodEnd: "",
    deadline: "",
    indicators: [],
  });
  const submit = useSubmit();
  // The defaults follow the period's start once it is a whole date (it is typed as ДД.ММ.ГГГГ).
  const periodStart = parseRuDate(draft.periodStart);

  useEffect(() => {
    if (!periodStart) return;
    let current = true;
    unwrap(api.monitoring["campaign-defaults"].$get({ query: { kind, periodStart } })).then(
      (loaded) => {
        if (!current) return;
        setDraft((d) => ({
          ...d,
          periodEnd: dateText(loaded.periodEnd),
          deadline: dateText(loaded.deadline),
          ...("indicators" in loaded ? { indicators: loaded.indicators as Indicator[] } : {}),
          ...("table" in loaded ? { table: loaded.table as CampaignInput["table"] } : {}),
        }));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [kind, periodStart]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      const created = await sendBody(campaignBody(kind, draft), (json, options) => api.monitoring.campaigns.$post({ json }, options));
      setDraft((d) => ({ ...d, name: "" }));
      onCreated(created);
    });
  };

  return (
    <section aria-labelledby="builder-title">
      <h2 id="builder-title">Новая кампания</h2>
      <form onSubmit={onSubmit} noValidate className="card">
        <FormError error={submit.error} />
        <SelectField
          label="Вид кампании"
          name="kind"
          value={kind}
          onChange={(e) => {
            const next = e.target.value as CampaignInput["kind"];
            setKind(next);
            setDraft((d) => ({ ...d, periodStart: defaultPeriodStart(next) }));
          }}
        >
          <option value="monitoring">{campaignKindLabels.monitoring}</option>
          <option value="federal_count">{campaignKindLabels.federal_count}</option>
        </SelectField>
        <CampaignFields kind={kind} draft={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} fieldError={submit.field} />
        <div className="actions">
          <SubmitButton busy={submit.busy} busyLabel="Сохраняем…">
            Создать черновик
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
