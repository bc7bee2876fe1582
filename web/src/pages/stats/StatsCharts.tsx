/**
 * The dashboard's charts (chart.js through react-chartjs-2), in a chunk of their own so the page's numbers show before
 * the charting library has loaded. Every chart has the same numbers in a table next to it.
 */
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, ArcElement } from "chart.js";
import { Bar, Doughnut } from "react-chartjs-2";
import { type Dashboard, pairStatusLabels } from "./types";

ChartJS.register(CategoryScale, LinearScale, BarElement, ArcElement, Tooltip, Legend);

const colors = { mentor: "#1f5fa8", mentee: "#4fa36b", target: "#c9ced6", actual: "#1f5fa8" };
const pairColors = ["#c9ced6", "#4fa36b", "#1f5fa8", "#b5473a"];

/**
 * A label in lines of about `width` characters, split between words: chart.js gives an axis only part of the chart's
 * width and cuts a longer one-line label at its edge («овлетворённость наставляемых»).
 */
export function wrapLabel(text: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** In place of a chart with nothing to draw (every value zero): an empty grid or ring says nothing. */
function NoData() {
  return <p className="chart-empty">Нет данных</p>;
}

export default function StatsCharts({ dashboard }: { dashboard: Dashboard }) {
  const forms = dashboard.byForm.filter((f) => f.mentors + f.mentees > 0);
  const pairStatuses = Object.keys(pairStatusLabels) as (keyof typeof pairStatusLabels)[];
  const pairs = pairStatuses.map((s) => dashboard.totals.pairs[s]);
  return (
    <div className="stats-charts">
      <figure>
        <figcaption>Показатели: факт и цель, %</figcaption>
        {/* Tall enough for every indicator's two-line label: chart.js skips labels that do not fit. */}
        <div className="chart-box" style={{ height: `${dashboard.kpis.length * 3 + 4}rem` }}>
          <Bar
            aria-label="Показатели: факт и цель"
            role="img"
            data={{
              labels: dashboard.kpis.map((k) => wrapLabel(k.short)),
              datasets: [
                { label: "Факт", data: dashboard.kpis.map((k) => k.value ?? 0), backgroundColor: colors.actual },
                { label: "Цель", data: dashboard.kpis.map((k) => k.target), backgroundColor: colors.target },
              ],
            }}
            options={{
              indexAxis: "y",
              animation: false,
              maintainAspectRatio: false,
              scales: { x: { min: 0, max: 100 }, y: { ticks: { autoSkip: false } } },
            }}
          />
        </div>
      </figure>
      <figure>
        <figcaption>Участники по формам наставничества</figcaption>
        {forms.length === 0 ? (
          <NoData />
        ) : (
          <Bar
            aria-label="Участники по формам наставничества"
            role="img"
            data={{
              labels: forms.map((f) => wrapLabel(f.label)),
              datasets: [
                { label: "Наставники", data: forms.map((f) => f.mentors), backgroundColor: colors.mentor },
                { label: "Наставляемые", data: forms.map((f) => f.mentees), backgroundColor: colors.mentee },
              ],
            }}
            options={{ animation: false, scales: { x: { stacked: true }, y: { stacked: true } } }}
          />
        )}
      </figure>
      <figure>
        <figcaption>Пары и группы по статусам</figcaption>
        {pairs.every((n) => n === 0) ? (
          <NoData />
        ) : (
          <Doughnut
            aria-label="Пары и группы по статусам"
            role="img"
            data={{
              labels: Object.values(pairStatusLabels),
              datasets: [
                {
                  data: pairs,
                  backgroundColor: pairColors,
                },
              ],
            }}
            options={{ animation: false }}
          />
        )}
      </figure>
    </div>
  );
}
