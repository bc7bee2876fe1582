/**
 * Names of downloaded files, made from titles people typed. Pure. Every download named after a title goes through
 * `downloadName`, so that no file name loses «2026/27» to a space or repeats the kind of document.
 */

/** The longest name (without the extension) a download gets: titles of roadmaps run to several hundred characters. */
export const FILE_NAME_MAX = 150;

/** Characters Windows and macOS refuse in file names, each with an allowed one that looks alike. */
const replacements: Record<string, string> = {
  "/": "-",
  "\\": "-",
  ":": " –",
  "|": "-",
  "<": "‹",
  ">": "›",
  "*": "×",
  "?": "",
};

const comparable = (text: string) => text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");

/** A title as a file name: characters not allowed replaced by close ones, straight quotes made «», spaces collapsed, cut to a length. */
export function safeFileName(title: string, maxLength = FILE_NAME_MAX): string {
  let opening = true;
  const cleaned = title
    // Control characters (line breaks of a pasted title among them) are spaces.
    .replace(/\p{Cc}/gu, " ")
    .replace(/[/\\:|<>*?]/g, (ch) => replacements[ch] ?? "")
    .replace(/"/g, () => {
      const quote = opening ? "«" : "»";
      opening = !opening;
      return quote;
    })
    .replace(/\s+/g, " ")
    .trim();
  const cut = cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1).trimEnd()}…` : cleaned;
  // Windows drops trailing dots and spaces, and a leading dot hides a file elsewhere.
  return cut.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
}

/**
 * The name of a download: «<kind> <title>.<extension>», without the kind when the title already says it
 * («План мероприятий (дорожная карта) …» is not prefixed with «Дорожная карта»).
 */
export function downloadName(title: string, extension: string, kind?: string): string {
  const named = kind && !comparable(title).includes(comparable(kind)) ? `${kind} ${title}` : title;
  return `${safeFileName(named) || kind || "Файл"}.${extension}`;
}
