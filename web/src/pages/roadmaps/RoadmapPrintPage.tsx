import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { Async } from "../../components/Status";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/useResource";
import { useRecordTitle } from "../../components/PageTitle";
import { itemStatusLabels, overdueLabel } from "@rnc/core/labels";
import "./roadmaps.css";

/** The roadmap as a printable document, in the columns schools use. */
export default function RoadmapPrintPage() {
  const { roadmapId = "" } = useParams();
  const detail = useResource(() => unwrap(api.roadmaps[":roadmapId"].$get({ param: { roadmapId } })), [roadmapId]);
  useRecordTitle(detail.data && `Версия для печати: ${detail.data.title}`);
  return (
    <Async resource={detail}>
      {(data) => (
        <>
          <p className="no-print">
            <Link to={`/roadmaps/${roadmapId}`}>← К дорожной карте</Link>{" "}
            <button type="button" className="button" onClick={() => window.print()}>
              Печать
            </button>
          </p>
          <h1>{data.title}</h1>
          <p>
            Период: {data.period}
            {data.approvedAt ? `. Утверждена ${formatDate(data.approvedAt)}` : ""}
            {data.approvedBy ? `, ${data.approvedBy}` : ""}
            {data.approvalAct ? `, ${data.approvalAct}` : ""}
          </p>
          <table className="roadmap-table print-table">
            <caption className="visually-hidden">{`Мероприятия: ${data.title}`}</caption>
            <thead>
              <tr>
                <th scope="col">№ п/п</th>
                <th scope="col">Наименование мероприятий</th>
                <th scope="col">Срок реализации</th>
                <th scope="col">Ответственный исполнитель</th>
                <th scope="col">Результат. Вид документа</th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            {[
              ...data.sections,
              ...(data.unsectioned.length ? [{ sectionId: "", number: undefined, title: "Без раздела", items: data.unsectioned }] : []),
            ].map((section) => (
              <tbody key={section.sectionId || "none"}>
                <tr className="section-row">
                  <th scope="colgroup" colSpan={6}>
                    {section.number ? `${section.number}. ` : ""}
                    {section.title}
                  </th>
                </tr>
                {section.items.map((item) => {
                  const done = item.occurrences.filter((o) => o.status === "done" && o.completedAt).at(-1)?.completedAt;
                  return (
                    <tr key={item.itemId}>
                      <td>{item.number}</td>
                      <td className="item-name">{item.name}</td>
                      <td>{item.deadlineText?.includes("_") ? item.deadlineLabel : (item.deadlineText ?? item.deadlineLabel)}</td>
                      <td>{item.executors}</td>
                      <td>{item.result}</td>
                      <td>
                        {item.overdue ? overdueLabel : itemStatusLabels[item.status]}
                        {item.status === "done" && done ? ` ${formatDate(done)}` : ""}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </>
      )}
    </Async>
  );
}
