import { describe, expect, it } from "vitest";
import { wrapLabel } from "./StatsCharts";

describe("a chart's axis label", () => {
  it("is split between words into lines of about 16 characters, so the axis never cuts it", () => {
    expect(wrapLabel("Удовлетворённость наставляемых")).toEqual(["Удовлетворённость", "наставляемых"]);
    expect(wrapLabel("Наставляемые 10–19 лет")).toEqual(["Наставляемые", "10–19 лет"]);
    expect(wrapLabel("Учитель – учитель (педагог – педагог)")).toEqual(["Учитель –", "учитель (педагог", "– педагог)"]);
    expect(wrapLabel("Предприятия-партнёры")).toEqual(["Предприятия-партнёры"]);
  });
});
