import { Link, useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../auth/AuthContext";
import { roleCan } from "../../auth/access";
import { FormError } from "../../components/Form";
import { Async, EmptyState } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { countOf, outOf } from "../../lib/plural";
import { useResource } from "../../lib/useResource";
import { useSubmit } from "../../lib/useSubmit";
import { monitoringNouns } from "../monitoring/types";
import { surveyAudienceLabels, surveyPurposeLabels } from "@rnc/core/survey/labels";
import { surveyStatusLabels } from "./types";
import "../monitoring/monitoring.css";
import { TableWrap } from "../../components/TableWrap";

/** The institution's questionnaires and the ready templates to start from. */
export default function SurveysPage() {
  const me = useMe();
  const navigate = useNavigate();
  const surveys = useResource(() => unwrap(api.surveys.$get()), []);
  const templates = useResource(() => unwrap(api.surveys.templates.$get()), []);
  const create = useSubmit();
  const canManage = roleCan(me.role, "surveys.manage");

  const fromTemplate = (template: "mentor_satisfaction" | "mentee_satisfaction" | "growth") =>
    create.run(async () => {
      const survey = await unwrap(api.surveys["from-template"].$post({ json: { template } }));
      navigate(`/surveys/${survey.surveyId}`);
    });
  const blank = () =>
    create.run(async () => {
      const survey = await unwrap(
        api.surveys.$post({
          json: {
            title: "Новая анкета",
            audience: "any",
            purpose: "custom",
            questions: [{ id: "q1", kind: "scale", text: "Оцените по шкале от 1 до 10", required: true }],
          },
        }),
      );
      navigate(`/surveys/${survey.surveyId}`);
    });

  return (
    <>
      <h1>Анкетирование</h1>
      {canManage && (
        <section aria-labelledby="new-survey">
          <h2 id="new-survey">Новая анкета</h2>
          <FormError error={create.error} />
          <Async resource={templates}>
            {(data) => (
              <ul className="cards">
                {data.items.map((template) => (
                  <li key={template.code} className="card">
                    <p className="sub">{template.title}</p>
                    <p className="hint">{template.description}</p>
                    <p className="hint">{countOf(template.questions.length, monitoringNouns.question)}</p>
                    <button type="button" className="button secondary" onClick={() => fromTemplate(template.code)}>
                      Создать по шаблону<span className="visually-hidden"> «{template.title}»</span>
                    </button>
                  </li>
                ))}
                <li className="card">
                  <p className="sub">Своя анкета</p>
                  <p className="hint">Вопросы со шкалой, выбором одного или нескольких вариантов и свободным ответом.</p>
                  <button type="button" className="button secondary" onClick={blank}>
                    Создать пустую анкету
                  </button>
                </li>
              </ul>
            )}
          </Async>
        </section>
      )}
      <h2>Анкеты организации</h2>
      <Async resource={surveys}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Анкет пока нет" />
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Анкеты организации</caption>
                <thead>
                  <tr>
                    <th scope="col">Анкета</th>
                    <th scope="col">Кому</th>
                    <th scope="col">Статус</th>
                    <th scope="col">Ответы</th>
                    <th scope="col">Создана</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((survey) => (
                    <tr key={survey.surveyId}>
                      <th scope="row">
                        <Link to={`/surveys/${survey.surveyId}`}>{survey.title}</Link>
                        <div className="hint">{surveyPurposeLabels[survey.purpose]}</div>
                      </th>
                      <td>{surveyAudienceLabels[survey.audience]}</td>
                      <td>{surveyStatusLabels[survey.status]}</td>
                      <td>
                        {survey.responseCount} из {outOf(survey.sentCount, ["ссылки", "ссылок"])}
                      </td>
                      <td>{formatDate(survey.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </>
  );
}
