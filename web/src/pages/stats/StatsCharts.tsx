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

export default function StatsCharts({ dashboard }: { dashboard: Dashboard }) {
  const forms = dashboard.byForm.filter((f) => f.mentors + f.mentees > 0);
  return (
    <div className="stats-charts">
      <figure>
        <figcaption>Показатели: факт и цель, %</figcaption>
        <Bar
          aria-label="Показатели: факт и цель"
          role="img"
          data={{
            labels: dashboard.kpis.map((k) => k.short),
            datasets: [
              { label: "Факт", data: dashboard.kpis.map((k) => k.value ?? 0), backgroundColor: colors.actual },
              { label: "Цель", data: dashboard.kpis.map((k) => k.target), backgroundColor: colors.target },
            ],
          }}
          options={{ indexAxis: "y", animation: false, scales: { x: { min: 0, max: 100 } } }}
        />
      </figure>
      <figure>
        <figcaption>Участники по формам наставничества</figcaption>
        <Bar
          aria-label="Участники по формам наставничества"
          role="img"
          data={{
            labels: forms.map((f) => f.label),
            datasets: [
              { label: "Наставники", data: forms.map((f) => f.mentors), backgroundColor: colors.mentor },
              { label: "Наставляемые", data: forms.map((f) => f.mentees), backgroundColor: colors.mentee },
            ],
          }}
          options={{ animation: false, scales: { x: { stacked: true }, y: { stacked: true } } }}
        />
      </figure>
      <figure>
        <figcaption>Пары и группы по статусам</figcaption>
        <Doughnut
          aria-label="Пары и группы по статусам"
          role="img"
          data={{
            labels: Object.values(pairStatusLabels),
            datasets: [
              {
                data: (Object.keys(pairStatusLabels) as (keyof typeof pairStatusLabels)[]).map((s) => dashboard.totals.pairs[s]),
                backgroundColor: pairColors,
              },
            ],
          }}
          options={{ animation: false }}
        />
      </figure>
    </div>
  );
}
