import { escapeHtml } from "../email";
import { countOf, greeting as greetingOf, withoutFinalStop } from "../ru";
import { digestSections, whenText } from "./sections";
import type { DueEntry } from "./sources";

export type Digest = { subject: string; text: string; html: string };

/** One Russian digest (HTML and plain text) with a section per kind of reminder; links go straight to the item. */
export function renderDigest(input: {
  /** The recipient's full name; the greeting uses the name and patronymic, as the web app does. */
  recipientName: string;
  heading: string;
  entries: DueEntry[];
  appUrl: string;
  unsubscribeUrl: string;
  groupByInstitution?: Map<string, string>;
}): Digest {
  const { entries, appUrl } = input;
  const greeting = greetingOf(input.recipientName);
  const textLines: string[] = [greeting, "", input.heading, ""];
  const htmlParts: string[] = [`<p>${escapeHtml(greeting)}</p>`, `<p>${escapeHtml(input.heading)}</p>`];
  for (const section of digestSections) {
    const items = entries.filter((e) => section.rules.includes(e.rule));
    if (items.length === 0) continue;
    textLines.push(`${section.heading} (${items.length}):`);
    htmlParts.push(`<h2 style="font-size:17px;margin:20px 0 8px">${escapeHtml(section.heading)} (${items.length})</h2><ul>`);
    for (const entry of items) {
      const place = input.groupByInstitution?.get(entry.tenantId);
      // The deadline follows the title: an item's own final full stop would come before it («…родителей. (срок …)»).
      const label = withoutFinalStop([place, entry.title].filter(Boolean).join(": "));
      const when = whenText(entry);
      const url = `${appUrl}${entry.link}`;
      textLines.push(`  • ${label}${when ? ` (${when})` : ""}`, `    ${url}`);
      htmlParts.push(`<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a>${when ? ` — ${escapeHtml(when)}` : ""}</li>`);
    }
    textLines.push("");
    htmlParts.push("</ul>");
  }
  const optional = "Чтобы не получать необязательные напоминания (о дорожной карте, анкетах и парах без встреч)";
  const statutory = "Напоминания о сроках мониторинга и отчётности обязательны и приходят всегда.";
  textLines.push("—", `${optional}, перейдите по ссылке: ${input.unsubscribeUrl}`, statutory);
  htmlParts.push(
    `<hr><p style="font-size:13px;color:#444">${optional}, <a href="${escapeHtml(input.unsubscribeUrl)}">отпишитесь от них</a>. ${statutory}</p>`,
  );
  const overdue = entries.filter((e) => (e.daysLeft ?? 0) < 0).length;
  const subject = `ЦМН: ${countOf(entries.length, ["напоминание", "напоминания", "напоминаний"])}${overdue ? `, из них ${countOf(overdue, ["просроченное", "просроченных", "просроченных"])}` : ""}`;
  return {
    subject,
    text: textLines.join("\n"),
    html: `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#1a1a1a;line-height:1.5">${htmlParts.join("\n")}</body></html>`,
  };
}
