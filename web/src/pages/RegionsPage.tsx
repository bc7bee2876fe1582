import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client";
import type { Region, RegionInput } from "../api/types";
import { Dialog } from "../components/Dialog";
import { DialogButtons, FormError, SelectField, TextField } from "../components/Form";
import { Async, EmptyState, Notice } from "../components/Status";
import { emptyEmail } from "../lib/emailCheck";
import { formatDate } from "../lib/format";
import { russianTimeZones, timeZoneLabel } from "../lib/labels";
import { countOf, nouns } from "../lib/plural";
import { useResource } from "../lib/useResource";
import { invalid, useSubmit } from "../lib/useSubmit";
import { TableWrap } from "../components/TableWrap";

export default function RegionsPage() {
  const regions = useResource(() => unwrap(api.regions.$get()), []);
  const [creating, setCreating] = useState(false);
  const [inviting, setInviting] = useState<Region | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <div className="page-header">
        <h1>Регионы</h1>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          Создать регион
        </button>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <Async resource={regions}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Регионов пока нет">
              <p>Создайте первый региональный наставнический центр.</p>
            </EmptyState>
          ) : (
            <>
              <p className="summary">{countOf(items.length, nouns.region)}</p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Регионы</caption>
                  <thead>
                    <tr>
                      <th scope="col">Регион</th>
                      <th scope="col">Код</th>
                      <th scope="col">Часовой пояс</th>
                      <th scope="col">Создан</th>
                      <th scope="col">
                        <span className="visually-hidden">Действия</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((region) => (
                      <tr key={region.regionId}>
                        <th scope="row">
                          {region.name}
                          {region.centreName && <span className="sub">{region.centreName}</span>}
                        </th>
                        <td>{region.code}</td>
                        <td>{timeZoneLabel(region.timeZone)}</td>
                        <td>{formatDate(region.createdAt, region.timeZone)}</td>
                        <td className="row-actions">
                          <button type="button" className="button secondary small" onClick={() => setInviting(region)}>
                            Пригласить администратора<span className="visually-hidden"> региона «{region.name}»</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        }
      </Async>
      {creating && (
        <RegionForm
          onClose={() => setCreating(false)}
          onCreated={(region) => {
            setCreating(false);
            setNotice(`Регион «${region.name}» создан. Теперь пригласите его администратора.`);
            regions.reload();
          }}
        />
      )}
      {inviting && (
        <InviteAdminForm
          region={inviting}
          onClose={() => setInviting(null)}
          onSent={(email) => {
            setInviting(null);
            setNotice(`Приглашение отправлено на ${email}. Ссылка действует 72 часа.`);
          }}
        />
      )}
    </>
  );
}

function RegionForm({ onClose, onCreated }: { onClose: () => void; onCreated: (region: Region) => void }) {
  const [form, setForm] = useState<RegionInput>({
    name: "",
    code: "",
    timeZone: "Europe/Moscow",
    centreName: "",
    contactEmail: "",
    contactPhone: "",
  });
  const submit = useSubmit();
  const set = (key: keyof RegionInput) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const json: RegionInput = {
      name: form.name,
      code: form.code,
      timeZone: form.timeZone,
      ...(form.centreName?.trim() ? { centreName: form.centreName } : {}),
      ...(form.contactEmail?.trim() ? { contactEmail: form.contactEmail } : {}),
      ...(form.contactPhone?.trim() ? { contactPhone: form.contactPhone } : {}),
    };
    void submit.run(async () => onCreated(await unwrap(api.regions.$post({ json }))));
  };

  return (
    <Dialog title="Новый регион" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={submit.error} />
        <TextField
          label="Название региона"
          name="name"
          required
          value={form.name}
          onChange={set("name")}
          error={submit.field("name")}
          hint="Например: Нижегородская область"
        />
        <TextField
          label="Код региона"
          name="code"
          required
          value={form.code}
          onChange={set("code")}
          error={submit.field("code")}
          hint="Латинские буквы, цифры или дефис, до 16 знаков, например 52"
        />
        <SelectField
          label="Часовой пояс"
          name="timeZone"
          required
          value={form.timeZone}
          onChange={set("timeZone")}
          error={submit.field("timeZone")}
        >
          {russianTimeZones.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Наименование РНЦ"
          name="centreName"
          value={form.centreName ?? ""}
          onChange={set("centreName")}
          error={submit.field("centreName")}
        />
        <TextField
          label="Электронная почта РНЦ"
          name="contactEmail"
          type="email"
          value={form.contactEmail ?? ""}
          onChange={set("contactEmail")}
          error={submit.field("contactEmail")}
        />
        <TextField
          label="Телефон РНЦ"
          name="contactPhone"
          type="tel"
          value={form.contactPhone ?? ""}
          onChange={set("contactPhone")}
          error={submit.field("contactPhone")}
        />
        <DialogButtons busy={submit.busy} busyLabel="Создаём…" onCancel={onClose}>
          Создать регион
        </DialogButtons>
      </form>
    </Dialog>
  );
}

function InviteAdminForm({ region, onClose, onSent }: { region: Region; onClose: () => void; onSent: (email: string) => void }) {
  const [email, setEmail] = useState("");
  const submit = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = emptyEmail(email);
    if (problems.length > 0) return submit.setError(invalid(problems));
    void submit.run(async () => {
      const invitation = await unwrap(
        api.regions[":regionId"].invitations.$post({ param: { regionId: region.regionId }, json: { email, role: "region_admin" } }),
      );
      onSent(invitation.email);
    });
  };

  return (
    <Dialog title={`Администратор региона «${region.name}»`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>Мы отправим приглашение на почту. По ссылке из письма администратор РНЦ задаст ФИО и пароль.</p>
        <FormError error={submit.error} />
        <TextField
          label="Электронная почта"
          name="email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={submit.field("email")}
        />
        <DialogButtons busy={submit.busy} busyLabel="Отправляем…" onCancel={onClose}>
          Отправить приглашение
        </DialogButtons>
      </form>
    </Dialog>
  );
}
