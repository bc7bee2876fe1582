import { describe, expect, it } from "vitest";
import { renderDigest } from "./digest";
import type { DueEntry } from "./sources";

const item = (title: string, overrides: Partial<DueEntry> = {}): DueEntry => ({
  tenantId: "ten_1",
  rule: "roadmap_due",
  occurrence: `${title}#2026-11-30`,
  title,
  due: "2026-11-30",
  daysLeft: 3,
  link: "/roadmaps/rmp_1#item-1",
  statutory: false,
  ...overrides,
});

const digestOf = (entries: DueEntry[]) =>
  renderDigest({
    recipientName: "Иванова Мария Сергеевна",
    heading: "Напоминания:",
    entries,
    appUrl: "https://app.example.org",
    unsubscribeUrl: "https://app.example.org/unsubscribe/t",
  });

describe("the reminder digest's wording", () => {
  it("drops an item's own full stop before its deadline", () => {
    const digest = digestOf([item("2.4 Работа с детьми-сиротами (оставшимися без попечения родителей).")]);
    expect(digest.text).toContain("  • 2.4 Работа с детьми-сиротами (оставшимися без попечения родителей) (срок 30.11.2026 — через 3 дня)");
    expect(digest.text).not.toContain("родителей). (срок");
    expect(digest.html).toContain("(оставшимися без попечения родителей)</a> — срок 30.11.2026");
    // An ellipsis is not a full stop.
    expect(digestOf([item("Прочие мероприятия...")]).text).toContain("Прочие мероприятия... (срок");
  });

  it("says in a sentence how to stop the optional reminders, keeping the link", () => {
    const { html, text } = digestOf([item("Мероприятие")]);
    expect(html).toContain(
      'Чтобы не получать необязательные напоминания (о дорожной карте, анкетах и парах без встреч), <a href="https://app.example.org/unsubscribe/t">отпишитесь от них</a>.',
    );
    expect(html).not.toContain(": <a");
    expect(text).toContain(
      "Чтобы не получать необязательные напоминания (о дорожной карте, анкетах и парах без встреч), перейдите по ссылке: https://app.example.org/unsubscribe/t",
    );
    expect(text).not.toContain("Отписаться от необязательных");
  });
});
