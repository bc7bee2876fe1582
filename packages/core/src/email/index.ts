import type { SESClient } from "@aws-sdk/client-ses";
import { log } from "../log";

let client: Promise<SESClient> | undefined;

/**
 * The one SES client, loaded on first use (most requests send no email, so a cold start does not pay for it).
 * `SES_ENDPOINT` points at the local mail sink under `npm start` and in tests; in AWS the SDK defaults apply.
 */
export function sesClient(): Promise<SESClient> {
  client ??= import("@aws-sdk/client-ses").then(({ SESClient }) => {
    const endpoint = process.env.SES_ENDPOINT;
    return new SESClient(
      endpoint
        ? { endpoint, region: process.env.AWS_REGION ?? "eu-central-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {},
    );
  });
  return client;
}

export type Email = { to: string; subject: string; text: string; html: string };

export const appUrl = () => (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** A plain, accessible HTML layout for every email: one heading, paragraphs, an optional button link. */
export function renderEmail(parts: { heading: string; paragraphs: string[]; action?: { label: string; url: string }; footer?: string }) {
  const text = [
    parts.heading,
    "",
    ...parts.paragraphs,
    ...(parts.action ? ["", `${parts.action.label}: ${parts.action.url}`] : []),
    ...(parts.footer ? ["", parts.footer] : []),
  ].join("\n");
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#1a1a1a;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(parts.heading)}</h1>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${parts.action ? `<p><a href="${escapeHtml(parts.action.url)}" style="background:#0b5cad;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">${escapeHtml(parts.action.label)}</a></p><p style="font-size:13px;color:#444">Если кнопка не работает, скопируйте ссылку: ${escapeHtml(parts.action.url)}</p>` : ""}
${parts.footer ? `<p style="font-size:13px;color:#444">${escapeHtml(parts.footer)}</p>` : ""}
</body></html>`;
  return { text, html };
}

/** SES needs a non-ASCII display name RFC 2047-encoded: «ЦМН <noreply@x>» → «=?UTF-8?B?0KbQnNCd?= <noreply@x>». */
export function encodeSender(from: string): string {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(from.trim());
  const name = match?.[1]?.replace(/^"|"$/g, "") ?? "";
  if (!match || /^[\x20-\x7e]*$/.test(name)) return from;
  return `=?UTF-8?B?${Buffer.from(name).toString("base64")}?= <${match[2]}>`;
}

export async function sendEmail(email: Email): Promise<string | undefined> {
  const { SendEmailCommand } = await import("@aws-sdk/client-ses");
  const from = encodeSender(process.env.EMAIL_FROM ?? "ЦМН <noreply@mentor.local>");
  const result = await (await sesClient()).send(
    new SendEmailCommand({
      Source: from,
      Destination: { ToAddresses: [email.to] },
      Message: {
        Subject: { Data: email.subject, Charset: "UTF-8" },
        Body: { Text: { Data: email.text, Charset: "UTF-8" }, Html: { Data: email.html, Charset: "UTF-8" } },
      },
    }),
  );
  log.info("email sent", { subject: email.subject, messageId: result.MessageId });
  return result.MessageId;
}
