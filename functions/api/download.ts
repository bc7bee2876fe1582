/**
 * A `Content-Disposition` that names a download in Russian: `filename*` carries the UTF-8 name (RFC 6266/5987), and
 * `filename` an ASCII stand-in for clients that read only that (a header value cannot hold Cyrillic as is).
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
