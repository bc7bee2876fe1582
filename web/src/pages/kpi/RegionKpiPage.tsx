import { type FormEvent, useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { FormError, SelectField, SubmitButton, TextField } from "../../components/Form";
import { Async, Notice } from "../../components/Status";
import { formatDate, parseNumber } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { invalid, useSubmit } from "../../lib/useSubmit";
import { type Targets, percent } from "../monitoring/types";
import { yearOptions } from "./InstitutionKpiPage";
import { KpiTable } from "./KpiTable";
import "../monitoring/monitoring.css";
import { TableWrap } from "../../components/TableWrap";

const thisYear = new Date().getFullYear();

/** The region: targets for a year (defaults from the programme year, overridable) and actual values by institution. */
export default function RegionKpiPage() {
  const me = useMe();
  const [year, setYear] = useState(thisYear);
  const targets = useResource(() => unwrap(api.kpi.targets.$get({ query: { year: String(year) } })), [year]);
  const actual = useResource(() => unwrap(api.kpi.region.$get({ query: { year: String(year) } })), [year]);
  return (
    <>
      <h1>Целевые показатели региона</h1>
      <SelectField label="Год" name="year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
        {yearOptions.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      {roleCan(me.role, "kpi.manage") && (
        <Async resource={targets}>
          {(data) => (
            <TargetsEditor
              targets={data}
              onSaved={(next) => {
                targets.set(() => next);
                actual.reload();
              }}
            />
          )}
        </Async>
      )}
      <Async resource={actual}>
        {(data) => (
          <>
            <h2>Регион: факт и цель</h2>
            <p className="summary">Факт на {formatDate(data.asOf)}: суммы по организациям региона.</p>
            <KpiTable rows={data.rows} caption="Показатели региона" />
            <h2>По организациям</h2>
            <TableWrap>
              <table>
                <caption className="visually-hidden">Показатели по организациям</caption>
                <thead>
                  <tr>
                    <th scope="col">Организация</th>
                    {data.rows.map((row) => (
                      <th scope="col" key={row.code}>
                        {row.short} (цель {percent(row.target)})
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.institutions.map((institution) => (
                    <tr key={institution.tenantId}>
                      <th scope="row">{institution.institutionName}</th>
                      {institution.rows.map((row) => (
                        <td
                          key={row.code}
                          className={row.status === "achieved" ? "kpi-achieved" : row.status === "behind" ? "kpi-behind" : undefined}
                        >
                          {percent(row.actual.value)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </Async>
    </>
  );
}

function TargetsEditor({ targets, onSaved }: { targets: Targets; onSaved: (next: Targets) => void }) {
  const [start, setStart] = useState(String(targets.programmeStartYear));
  const [enterprises, setEnterprises] = useState(targets.enterprisesInRegion === undefined ? "" : String(targets.enterprisesInRegion));
  const [values, setValues] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState("");
  const save = useSubmit();
  useEffect(() => {
    setStart(String(targets.programmeStartYear));
    setValues(Object.fromEntries(targets.rows.map((row) => [row.code, String(row.target).replace(".", ",")])));
  }, [targets]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      setNotice("");
      const problems: { path: string; message: string }[] = [];
      const startYear = parseNumber(start);
      if (startYear === undefined || !Number.isInteger(startYear) || startYear < 2018 || startYear > 2100) {
        problems.push({ path: "programmeStartYear", message: "Введите год от 2018 до 2100" });
      }
      const enterprisesCount = enterprises.trim() === "" ? null : parseNumber(enterprises);
      if (enterprisesCount !== null && (enterprisesCount === undefined || !Number.isInteger(enterprisesCount) || enterprisesCount < 0)) {
        problems.push({ path: "enterprisesInRegion", message: "Введите целое число не меньше 0" });
      }
      const parsed = Object.fromEntries(
        targets.rows.map((row) => {
          const raw = (values[row.code] ?? "").trim();
          if (raw === "") return [row.code, null];
          const value = parseNumber(raw);
          if (value === undefined || value < 0 || value > 100) {
            problems.push({ path: `targets.${row.code}`, message: "Введите число от 0 до 100" });
          }
          return [row.code, value ?? null];
        }),
      );
      if (problems.length > 0) throw invalid(problems);
      const next = await unwrap(
        api.kpi.targets.$put({
          json: {
            year: targets.year,
            programmeStartYear: startYear as number,
            ...(enterprisesCount !== null ? { enterprisesInRegion: enterprisesCount } : {}),
            targets: parsed,
            version: targets.version,
          },
        }),
      );
      onSaved(next);
      setNotice("Целевые показатели сохранены");
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2>Цели на {targets.year} год</h2>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={save.error} />
      <TextField
        label="Первый год программы"
        name="programmeStartYear"
        inputMode="numeric"
        hint={`Сейчас ${targets.programmeYear}-й год программы: от него зависят значения по умолчанию`}
        value={start}
        onChange={(e) => setStart(e.target.value)}
        error={save.field("programmeStartYear")}
      />
      <TextField
        label="Предприятий, работающих в регионе"
        name="enterprisesInRegion"
        inputMode="numeric"
        hint="Знаменатель показателя «Доля предприятий, предоставивших наставников»"
        value={enterprises}
        onChange={(e) => setEnterprises(e.target.value)}
        error={save.field("enterprisesInRegion")}
      />
      {targets.rows.map((row) => (
        <TextField
          key={row.code}
          label={row.label}
          name={row.code}
          inputMode="decimal"
          hint={`По умолчанию ${percent(row.defaultTarget)}${row.overridden ? "; задано РНЦ" : ""}. Пустое поле — значение по умолчанию.`}
          value={values[row.code] ?? ""}
          onChange={(e) => setValues((v) => ({ ...v, [row.code]: e.target.value }))}
          error={save.field(`targets.${row.code}`)}
        />
      ))}
      <div className="actions">
        <SubmitButton busy={save.busy}>Сохранить цели</SubmitButton>
      </div>
    </form>
  );
}
