import { describe, expect, it } from "vitest";
import { encodeSender, renderEmail } from ".";

describe("email", () => {
  it("encodes a Cyrillic sender name for SES and leaves ASCII alone", () => {
    expect(encodeSender("ЦМН <noreply@mentor.example>")).toBe(
      `=?UTF-8?B?${Buffer.from("ЦМН").toString("base64")}?= <noreply@mentor.example>`,
    );
    expect(encodeSender("Mentor <noreply@mentor.example>")).toBe("Mentor <noreply@mentor.example>");
    expect(encodeSender("noreply@mentor.example")).toBe("noreply@mentor.example");
  });

  it("renders text and escaped HTML with the action link in both", () => {
    const mail = renderEmail({
      heading: "Заголовок <b>",
      paragraphs: ["Текст & ещё"],
      action: { label: "Открыть", url: "https://x/a?b=1&c=2" },
    });
    expect(mail.text).toContain("Открыть: https://x/a?b=1&c=2");
    expect(mail.html).toContain("Заголовок &lt;b&gt;");
    expect(mail.html).toContain('href="https://x/a?b=1&amp;c=2"');
  });
});
