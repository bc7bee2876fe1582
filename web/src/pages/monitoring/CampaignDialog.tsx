import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError } from "../../components/Form";
import { isStale, saveOver, sendBody, useSubmit } from "../../lib/useSubmit";
import { CampaignFields, campaignBody, draftOf } from "./CampaignForm";
import type { Campaign } from "./types";

/**
 * Edits a draft campaign: its name, period, deadline and, for monitoring, the indicators (a federal count keeps its
 * table). When someone else saved the draft first (409 with the current campaign), the form shows the current one and
 * the next save is made on top of it; when it was sent out meanwhile, the server's message says it can no longer change.
 */
export function CampaignDialog({
  campaign,
  onClose,
  onSaved,
  onChanged,
}: {
  campaign: Campaign;
  onClose: () => void;
  onSaved: (saved: Campaign) => void;
  /** The campaign changed under the form (edited or sent out): the list should reload. */
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(campaign));
  const [version, setVersion] = useState(campaign.version);
  const save = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      const put = () =>
        sendBody(campaignBody(campaign.kind, draft), (body, options) =>
          api.monitoring.campaigns[":campaignId"].$put({ param: { campaignId: campaign.campaignId }, json: { ...body, version } }, options),
        );
      const adopt = (current: Campaign) => {
        setDraft(draftOf(current));
        setVersion(current.version);
      };
      onSaved(await saveOver(put, adopt, onChanged, ["monitoring.campaign_published"]));
    });
  };

  return (
    <Dialog title="Изменить черновик кампании" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && <p className="hint">В форме — актуальный черновик. Внесите изменения ещё раз и сохраните.</p>}
        <CampaignFields
          kind={campaign.kind}
          draft={draft}
          onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
          fieldError={save.field}
        />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          Сохранить изменения
        </DialogButtons>
      </form>
    </Dialog>
  );
}
