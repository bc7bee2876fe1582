import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { DialogButtons, FormError, TextField } from "../../components/Form";
import { todayIso } from "../../lib/format";
import { sendChecked, useSubmit } from "../../lib/useSubmit";
import { checkDates, DateField, dateText } from "../../components/DateField";
import type { RoadmapDetail } from "./types";

/**
 * Marks a roadmap approved with what its approval sheet says (who approved it, when, by which document), or corrects
 * those details of an approved one. A field left empty is cleared. A date that does not exist goes as typed with the
 * form's message, and the server then only validates the form (sendChecked), for the other fields' errors.
 */
export function ApprovalDialog({
  data,
  onClose,
  onSaved,
}: {
  data: RoadmapDetail;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const save = useSubmit();
  const approved = data.status === "approved";
  const [fields, setFields] = useState({
    approvedBy: data.approvedBy ?? "",
    approvedAt: dateText(data.approvedAt ?? todayIso()),
    approvalAct: data.approvalAct ?? "",
  });
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) => {
    // Read now: React may restore the input's old value before the updater runs.
    const { value } = event.target;
    setFields((current) => ({ ...current, [name]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      const { dates, problems } = checkDates({ approvedAt: { text: fields.approvedAt, label: "Дата утверждения" } });
      const json = {
        version: data.version,
        status: "approved" as const,
        approvedBy: fields.approvedBy.trim(),
        approvedAt: dates.approvedAt,
        approvalAct: fields.approvalAct.trim(),
      };
      await sendChecked(problems, (options) => api.roadmaps[":roadmapId"].$patch({ param: { roadmapId: data.roadmapId }, json }, options));
      onSaved(approved ? "Сведения об утверждении сохранены" : "Дорожная карта отмечена как утверждённая");
    });
  };

  return (
    <Dialog title={approved ? "Сведения об утверждении" : "Утверждение дорожной карты"} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        <TextField
          label="Кем утверждена"
          name="approvedBy"
          hint="Например: директор МБОУ СОШ № 1 Иванова М. С."
          value={fields.approvedBy}
          onChange={set("approvedBy")}
          error={save.field("approvedBy")}
        />
        <DateField
          label="Дата утверждения"
          name="approvedAt"
          value={fields.approvedAt}
          onChange={set("approvedAt")}
          error={save.field("approvedAt")}
        />
        <TextField
          label="Документ об утверждении"
          name="approvalAct"
          hint="Например: приказ № 45 от 01.09.2026"
          value={fields.approvalAct}
          onChange={set("approvalAct")}
          error={save.field("approvalAct")}
        />
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {approved ? "Сохранить" : "Отметить как утверждённую"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
