import { describe, expect, it } from "vitest";
import { signIn, useHarness } from "./harness";

describe("monitoring campaign: publish, submit pre-filled, return, resubmit", { timeout: 180_000 }, () => {
  const harness = useHarness();

  it("the region publishes a campaign, the curator submits it pre-filled, the region returns it, the curator resubmits", async () => {
    const region = await harness.newPage();
    const school = await harness.newPage();
    const name = `Мониторинг ЦМН, I полугодие ${Date.now()}`;
    try {
      // The region admin builds a campaign from the default indicator set and publishes it.
      const rnc = region.page;
      await signIn(rnc, "rnc@demo.local");
      await rnc.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Мониторинг", exact: true }).click();
      await rnc.getByRole("heading", { name: "Мониторинг", level: 1 }).waitFor();
      await rnc.getByLabel("Название", { exact: false }).fill(name);
      const periodStart = await rnc.getByLabel("Начало периода", { exact: false }).inputValue();
      // Dates are typed as ДД.ММ.ГГГГ.
      await rnc.getByLabel("Конец периода", { exact: false }).fill(periodStart.replace(/^\d{2}\.\d{2}\./, "31.12."));
      // The default deadline and indicators arrive from the API.
      await rnc.getByText("рассчитано автоматически").first().waitFor();
      await rnc.getByRole("button", { name: "Создать черновик", exact: true }).click();
      await rnc
        .getByRole("status")
        .filter({ hasText: `Черновик «${name}» сохранён` })
        .waitFor();
      await rnc
        .getByRole("row", { name: new RegExp(name) })
        .getByRole("button", { name: "Разослать организациям", exact: true })
        .click();
      // Publishing cannot be undone: the dialog asks first and says how many institutions get the campaign.
      const publishDialog = rnc.getByRole("dialog", { name: "Разослать кампанию организациям?" });
      await publishDialog.getByText("(2 организации)", { exact: false }).waitFor();
      await publishDialog.getByRole("button", { name: "Разослать", exact: true }).click();
      await rnc.getByRole("status").filter({ hasText: "разослана: 2 организации" }).waitFor();

      // The curator opens it: computed values are filled in and marked; manual ones are validated.
      const curator = school.page;
      await signIn(curator, "curator1@demo.local");
      await curator
        .getByRole("navigation", { name: "Разделы", exact: true })
        .getByRole("link", { name: "Отчёты в РНЦ", exact: true })
        .click();
      await curator.getByRole("link", { name }).click();
      await curator.getByRole("heading", { name }).waitFor();
      expect(await curator.getByText("рассчитано автоматически").count()).toBeGreaterThanOrEqual(10);
      const plans = curator.getByLabel("Степень реализации индивидуальных планов развития", { exact: false });
      await plans.fill("5000");
      await curator.getByRole("button", { name: "Отправить в РНЦ", exact: true }).click();
      const alert = curator.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("не может быть больше 100");
      await plans.fill("92,5");
      await curator.getByLabel("Общая оценка хода реализации программы", { exact: false }).selectOption("По плану");
      await curator.getByRole("button", { name: "Отправить в РНЦ", exact: true }).click();
      // A sent report is locked until the region returns it: the dialog asks first.
      const submitDialog = curator.getByRole("dialog", { name: "Отправить отчёт в РНЦ?" });
      await submitDialog.getByText("нельзя изменить, пока РНЦ не вернёт его на доработку", { exact: false }).waitFor();
      await submitDialog.getByRole("button", { name: "Отправить отчёт", exact: true }).click();
      await curator.getByRole("status").filter({ hasText: "Отчёт отправлен в РНЦ" }).waitFor();
      await curator.getByText("Отчёт отправлен: рассчитанные значения зафиксированы").waitFor();

      // The region sees it in the tracker and returns it with a comment.
      await rnc
        .getByRole("row", { name: new RegExp(name) })
        .getByRole("link", { name: "Ход сдачи", exact: true })
        .click();
      await rnc.getByRole("heading", { name }).waitFor();
      await rnc
        .getByRole("row", { name: /МБОУ СОШ № 1/ })
        .getByText("Отправлен")
        .waitFor();
      await rnc.getByRole("link", { name: "МБОУ СОШ № 1", exact: true }).click();
      await rnc.getByRole("heading", { name: "МБОУ СОШ № 1", exact: true }).waitFor();
      expect(await rnc.getByRole("row", { name: /Степень реализации индивидуальных планов развития/ }).textContent()).toContain("92,5");
      await rnc.getByLabel("Комментарий для организации", { exact: false }).fill("Уточните степень реализации планов");
      await rnc.getByRole("button", { name: "Вернуть на доработку", exact: true }).click();
      await rnc.getByRole("status").filter({ hasText: "Отчёт возвращён на доработку" }).waitFor();

      // The curator sees the comment, corrects and resubmits.
      await curator.reload();
      await curator.getByText("РНЦ вернул отчёт на доработку").waitFor();
      await curator.getByText("Уточните степень реализации планов").first().waitFor();
      await curator.getByLabel("Степень реализации индивидуальных планов развития", { exact: false }).fill("95");
      await curator.getByRole("button", { name: "Отправить повторно", exact: true }).click();
      await curator
        .getByRole("dialog", { name: "Отправить отчёт в РНЦ повторно?" })
        .getByRole("button", { name: "Отправить отчёт", exact: true })
        .click();
      await curator.getByRole("status").filter({ hasText: "Отчёт отправлен в РНЦ" }).waitFor();
      await curator.getByText("Отправлен повторно").first().waitFor();
      await curator.screenshot({ path: "/tmp/cmn-monitoring-resubmitted.png", fullPage: true });

      await rnc.goto(rnc.url().replace(/\/[^/]+$/, ""));
      await rnc
        .getByRole("row", { name: /МБОУ СОШ № 1/ })
        .getByText("Отправлен повторно")
        .waitFor();
      await rnc.screenshot({ path: "/tmp/cmn-monitoring-tracker.png", fullPage: true });
    } finally {
      await region.context.close();
      await school.context.close();
    }
  });
});
