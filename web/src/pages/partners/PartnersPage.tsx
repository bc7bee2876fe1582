import { contractKindShort, contractKinds, partnerKindLabels } from "@rnc/core/partner/labels";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { DeleteRecordDialog } from "../../components/Dialog";
import { Async, EmptyState, Notice } from "../../components/Status";
import { RowActions } from "../../components/RowActions";
import { TableWrap } from "../../components/TableWrap";
import { formatDate, todayIso } from "../../lib/format";
import { countOf, nouns } from "../../lib/plural";
import { useRecordEditing } from "../../lib/useRecordEditing";
import { useResource } from "../../lib/useResource";
import { PartnerDialog } from "./PartnerDialog";
import type { Contract, Partner } from "./types";

/**
 * The institution's partner organisations and the contracts with them, one column per kind of contract; how many of
 * each organisation's mentors entered the programmes is counted from the registry, not typed.
 */
export default function PartnersPage() {
  const me = useMe();
  const canWrite = roleCan(me.role, "partners.write");
  const partners = useResource(() => unwrap(api.partners.$get()), []);
  const editor = useRecordEditing<Partner>(partners.reload);
  const today = todayIso();

  return (
    <>
      <h1>Организации-партнёры</h1>
      <p className="summary">
        Предприятия, НКО, вузы, колледжи и другие организации, которые участвуют в наставничестве вместе с вашей организацией, и договоры с
        ними: соглашения о внедрении целевой модели наставничества, договоры о дуальном обучении, о практике и о сотрудничестве.
      </p>
      {editor.notice && <Notice>{editor.notice}</Notice>}
      {canWrite && (
        <p>
          <button type="button" className="button" onClick={editor.add}>
            Добавить организацию
          </button>
        </p>
      )}
      <Async resource={partners}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Организаций-партнёров пока нет">
              <p>
                Добавьте организации, с которыми вы реализуете программы наставничества, и договоры с ними. Число наставников каждой
                организации в программах посчитается само — по полю «Организация-партнёр» в базе участников.
              </p>
            </EmptyState>
          ) : (
            <>
              <p>
                {countOf(data.items.length, nouns.institution)}, {countOf(contractCount(data.items), nouns.contract)}
              </p>
              <p className="hint" id="partner-mentors-hint">
                «Наставников в программах» — наставники из базы участников, у которых в поле «Организация-партнёр» указано название
                организации.
              </p>
              <TableWrap>
                <table>
                  <caption className="visually-hidden">Организации-партнёры и договоры с ними</caption>
                  <thead>
                    <tr>
                      <th scope="col">Организация</th>
                      <th scope="col">Тип</th>
                      <th scope="col">В перечне партнёрских организаций</th>
                      <th scope="col">Куратор от организации</th>
                      {contractKinds.map((kind) => (
                        <th key={kind} scope="col">
                          {contractKindShort[kind]}
                        </th>
                      ))}
                      <th scope="col" aria-describedby="partner-mentors-hint">
                        Наставников в программах
                      </th>
                      <th scope="col">Примечание</th>
                      {canWrite && <th scope="col">Действия</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((partner) => (
                      <tr key={partner.partnerId}>
                        <th scope="row">{partner.name}</th>
                        <td>{partnerKindLabels[partner.kind]}</td>
                        <td>{partner.inList ? "Да" : "Нет"}</td>
                        <td>{partner.providesCurator ? "Назначен" : "Нет"}</td>
                        {contractKinds.map((kind) => (
                          <ContractsCell
                            key={kind}
                            contracts={partner.contracts.filter((contract) => contract.kind === kind)}
                            today={today}
                          />
                        ))}
                        <td>{partner.mentors}</td>
                        <td className="note-cell">{partner.note ?? "—"}</td>
                        {canWrite && (
                          <RowActions
                            what={`организацию «${partner.name}»`}
                            onEdit={() => editor.edit(partner)}
                            onDelete={() => editor.remove(partner)}
                          />
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        }
      </Async>
      {editor.editing && (
        <PartnerDialog
          partner={editor.editing.record}
          onClose={editor.closeEditor}
          onSaved={editor.onSaved(
            (saved) => `Организация «${saved.name}» добавлена`,
            (saved) => `Организация «${saved.name}» сохранена`,
          )}
          onChanged={partners.reload}
        />
      )}
      <DeleteRecordDialog
        editor={editor}
        title="Удалить организацию-партнёра?"
        action={(partner) =>
          unwrap(
            api.partners[":partnerId"].$delete({
              param: { partnerId: partner.partnerId },
              query: { version: String(partner.version) },
            }),
          )
        }
        notice={(partner) => `Организация «${partner.name}» удалена из списка партнёров`}
      >
        {(partner) => (
          <p>
            {partner.contracts.length > 0
              ? `Организация «${partner.name}» и сведения о её договорах (${countOf(partner.contracts.length, nouns.contract)}) будут удалены`
              : `Организация «${partner.name}» будет удалена`}{" "}
            без возможности восстановления. Поле «Организация-партнёр» в базе участников не изменится.
          </p>
        )}
      </DeleteRecordDialog>
    </>
  );
}

/** The contracts of one kind: each with its number and date, and until when it is valid (or that it has expired). */
function ContractsCell({ contracts, today }: { contracts: Contract[]; today: string }) {
  if (contracts.length === 0) return <td>—</td>;
  return (
    <td>
      <ul className="cell-list">
        {contracts.map((contract, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a list that is only shown, never reordered (and two contracts may be alike)
          <li key={index} className="nowrap">
            {contract.number ? `№ ${contract.number} от ` : "От "}
            {formatDate(contract.date)}
            {contract.validUntil && (
              <span className="sub">
                {contract.validUntil < today ? "Срок истёк " : "Действует до "}
                {formatDate(contract.validUntil)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </td>
  );
}

/** How many contracts the organisations have, all together. */
const contractCount = (items: Partner[]) => items.reduce((total, partner) => total + partner.contracts.length, 0);
