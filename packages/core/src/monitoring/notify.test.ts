import { describe, expect, it } from "vitest";
import { createTestRegion, mailTo, system } from "../../../../scripts/test/fixtures";
import { notifyReturned } from "./notify";

describe("the letter about a returned report", async () => {
  const { school, users } = await createTestRegion("Регион возвратов");
  const letterWith = async (comment: string) => {
    await system(() =>
      notifyReturned({
        campaignId: "cmp_test",
        name: "Мониторинг ЦМН, I полугодие",
        deadline: "2026-12-20",
        tenantId: school.tenantId,
        comment,
      }),
    );
    return (await mailTo(users.curator.email)).at(-1)?.body ?? { text: "", html: "" };
  };

  it("puts no second full stop after a comment that ends with its own", async () => {
    const letter = await letterWith("В строке 3 похоже на опечатку.");
    expect(letter.text).toContain("с комментарием: «В строке 3 похоже на опечатку.»\n");
    expect(letter.text).not.toContain(".».");
    expect(letter.html).toContain("с комментарием: «В строке 3 похоже на опечатку.»</p>");
    const question = await letterWith("Почему не заполнен раздел 2?");
    expect(question.text).toContain("«Почему не заполнен раздел 2?»\n");
  });

  it("ends the sentence after a comment without a final mark", async () => {
    const letter = await letterWith("Уточните число мероприятий");
    expect(letter.text).toContain("с комментарием: «Уточните число мероприятий».\n");
    expect(letter.text).toContain(`Здравствуйте, ${users.curator.fullName.split(" ").slice(1).join(" ")}!`);
  });
});
