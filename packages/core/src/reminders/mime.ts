import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type { Digest } from "./digest";

/** The raw MIME message: HTML + text alternatives, with RFC 2369/8058 List-Unsubscribe headers. */
export async function composeDigest(to: string, digest: Digest, unsubscribeUrl: string): Promise<Buffer> {
  const composer = new MailComposer({
    from: process.env.EMAIL_FROM ?? "ЦМН <noreply@mentor.local>",
    to,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
  return composer.compile().build();
}
