import { contractKindLabels, partnerKindLabels } from "@rnc/core/partner/labels";
import { useId } from "react";
import { api } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { CheckboxField, DialogButtons, FormError, SelectField, TextAreaField, TextField } from "../../components/Form";
import { useFocusWhenShown } from "../../lib/useFocusWhenShown";
import { useRecordForm } from "../../lib/useRecordForm";
import { type CheckedBody, isStale, sendBody } from "../../lib/useSubmit";
import { checkDates, DateField, dateText } from "../../components/DateField";
import type { Contract, PartnerInfo, PartnerInput } from "./types";

/** The server's limit of contracts per organisation. */
const MAX_CONTRACTS = 20;

/** A contract as the form holds it: its fields as typed, and a key that stays with it when an earlier one is removed. */
type ContractFields = { [K in keyof Required<Contract>]: string } & { key: number };
type Fields = { name: string; kind: string; inList: boolean; providesCurator: boolean; contracts: ContractFields[]; note: string };

let lastContractKey = 0;
const contractFieldsOf = (contract?: Contract): ContractFields => ({
  key: ++lastContractKey,
  kind: contract?.kind ?? "",
  number: contract?.number ?? "",
  date: dateText(contract?.date),
  validUntil: dateText(contract?.validUntil),
});

const fieldsOf = (partner: PartnerInfo | undefined): Fields => ({
  name: partner?.name ?? "",
  kind: partner?.kind ?? "",
  inList: partner?.inList ?? false,
  providesCurator: partner?.providesCurator ?? false,
  contracts: (partner?.contracts ?? []).map(contractFieldsOf),
  note: partner?.note ?? "",
});

/**
 * The request body: every field, an empty optional one left out (an edit replaces the organisation and its contracts,
 * so that clears it), with the form's own problems. An unchosen kind goes as it is, for the server's message at its
 * field; the contracts' dates are read here (ДД.ММ.ГГГГ), each one that does not exist going as typed with the form's
 * message at its own field (`contracts.0.date`, as the server names it; the server then only validates the form:
 * sendChecked).
 */
function bodyOf(fields: Fields): CheckedBody<PartnerInput> {
  const { dates, problems } = checkDates(
    Object.fromEntries(
      fields.contracts.flatMap((contract, i) => [
        [`contracts.${i}.date`, { text: contract.date, label: `Договор ${i + 1}: дата заключения` }],
        [`contracts.${i}.validUntil`, { text: contract.validUntil, label: `Договор ${i + 1}: действует до` }],
      ]),
    ),
  );
  const body = {
    name: fields.name.trim(),
    kind: fields.kind as PartnerInput["kind"],
    inList: fields.inList,
    providesCurator: fields.providesCurator,
    contracts: fields.contracts.map((contract, i) => ({
      kind: contract.kind as Contract["kind"],
      number: contract.number.trim() || undefined,
      date: dates[`contracts.${i}.date`] ?? "",
      validUntil: dates[`contracts.${i}.validUntil`] || undefined,
    })),
    note: fields.note.trim() || undefined,
  };
  return { body, problems };
}

/**
 * A new partner organisation (no `partner`), or an edit of one, with its contracts as a repeating group. When someone
 * else saved it first (409 with the current one), the form shows the current one and the next save is made on top of
 * it; when it was deleted meanwhile, the server says so.
 */
export function PartnerDialog({
  partner,
  onClose,
  onSaved,
  onChanged,
}: {
  partner?: PartnerInfo;
  onClose: () => void;
  onSaved: (saved: PartnerInfo) => void;
  /** The organisation changed under the form (edited or deleted): the list should reload. */
  onChanged: () => void;
}) {
  const { fields, setFields, set, check, save, onSubmit } = useRecordForm({
    record: partner,
    fieldsOf,
    create: (fields) => sendBody(bodyOf(fields), (json, options) => api.partners.$post({ json }, options)),
    update: (fields, base) =>
      sendBody(bodyOf(fields), (body, options) =>
        api.partners[":partnerId"].$put({ param: { partnerId: base.partnerId }, json: { ...body, version: base.version } }, options),
      ),
    onSaved,
    onChanged,
    changedCodes: ["partner.not_found"],
  });

  return (
    <Dialog title={partner ? "Изменить организацию-партнёра" : "Новая организация-партнёр"} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={save.error} />
        {isStale(save.error) && (
          <p className="hint">В форме — актуальные сведения об организации. Внесите изменения ещё раз и сохраните.</p>
        )}
        <TextField
          label="Название организации"
          name="name"
          required
          hint="Так же, как в поле «Организация-партнёр» базы участников: по названию считаются наставники организации"
          value={fields.name}
          onChange={set("name")}
          error={save.field("name", ["partner.duplicate"])}
        />
        <SelectField label="Тип организации" name="kind" required value={fields.kind} onChange={set("kind")} error={save.field("kind")}>
          <option value="">Выберите тип</option>
          {Object.entries(partnerKindLabels).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label="Включена в перечень партнёрских организаций"
          name="inList"
          checked={fields.inList}
          onChange={check("inList")}
          error={save.field("inList")}
        />
        <CheckboxField
          label="Назначила куратора"
          name="providesCurator"
          hint="Куратор от организации-партнёра сопровождает её наставников"
          checked={fields.providesCurator}
          onChange={check("providesCurator")}
          error={save.field("providesCurator")}
        />
        <ContractsFields
          contracts={fields.contracts}
          onChange={(contracts) => setFields((current) => ({ ...current, contracts }))}
          error={save.field}
        />
        <TextAreaField label="Примечание" name="note" rows={3} value={fields.note} onChange={set("note")} error={save.field("note")} />
        <DialogButtons busy={save.busy} busyLabel="Сохраняем…" onCancel={onClose}>
          {partner ? "Сохранить изменения" : "Добавить организацию"}
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/**
 * The organisation's contracts: a group of fields for each (the server's messages at its fields, by their paths
 * `contracts.0.validUntil`), added and removed with buttons; the focus goes to the added contract's first field, or
 * after a removal to the contract that took its place.
 */
function ContractsFields({
  contracts,
  onChange,
  error,
}: {
  contracts: ContractFields[];
  onChange: (contracts: ContractFields[]) => void;
  error: (path: string) => string | undefined;
}) {
  const prefix = useId();
  const kindId = (contract: ContractFields | undefined) => (contract ? `${prefix}-contract-${contract.key}-kind` : "");
  const addId = `${prefix}-add-contract`;
  const focusLater = useFocusWhenShown(contracts);

  const add = () => {
    const added = contractFieldsOf();
    focusLater([kindId(added)]);
    onChange([...contracts, added]);
  };
  const remove = (index: number) => {
    focusLater([kindId(contracts[index + 1]), kindId(contracts[index - 1]), addId]);
    onChange(contracts.filter((_, i) => i !== index));
  };
  const update = (index: number, name: Exclude<keyof ContractFields, "key">) => (event: { target: { value: string } }) =>
    onChange(contracts.map((contract, i) => (i === index ? { ...contract, [name]: event.target.value } : contract)));

  return (
    <fieldset>
      <legend>Договоры</legend>
      {contracts.length === 0 && (
        <p className="hint">
          Договоров пока нет. Добавьте соглашение о внедрении целевой модели наставничества, договоры о дуальном обучении, о практике или о
          сотрудничестве.
        </p>
      )}
      {error("contracts") && <p className="field-error">{error("contracts")}</p>}
      {contracts.map((contract, index) => {
        const at = (name: string) => error(`contracts.${index}.${name}`);
        const title = `Договор ${index + 1}`;
        return (
          <fieldset key={contract.key}>
            <legend>{title}</legend>
            <SelectField
              id={kindId(contract)}
              label="Вид договора"
              name={`contracts.${index}.kind`}
              required
              value={contract.kind}
              onChange={update(index, "kind")}
              error={at("kind")}
            >
              <option value="">Выберите вид договора</option>
              {Object.entries(contractKindLabels).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </SelectField>
            <div className="grid-2">
              <TextField
                label="Номер"
                name={`contracts.${index}.number`}
                value={contract.number}
                onChange={update(index, "number")}
                error={at("number")}
              />
              <DateField
                label="Дата заключения"
                name={`contracts.${index}.date`}
                required
                value={contract.date}
                onChange={update(index, "date")}
                error={at("date")}
              />
              <DateField
                label="Действует до"
                name={`contracts.${index}.validUntil`}
                hint="Если в договоре указан срок"
                value={contract.validUntil}
                onChange={update(index, "validUntil")}
                error={at("validUntil")}
              />
            </div>
            <p>
              <button type="button" className="button secondary" onClick={() => remove(index)}>
                Удалить<span className="visually-hidden"> договор {index + 1}</span>
              </button>
            </p>
          </fieldset>
        );
      })}
      {contracts.length < MAX_CONTRACTS ? (
        <p>
          <button type="button" id={addId} className="button secondary" onClick={add}>
            Добавить договор
          </button>
        </p>
      ) : (
        <p className="hint">У одной организации — не больше {MAX_CONTRACTS} договоров.</p>
      )}
    </fieldset>
  );
}
