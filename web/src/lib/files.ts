import { session, toApiError } from "../api/client";

/** A chosen file as the API's upload shape (JSON with base64 content). */
export async function fileToUpload(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

/** Saves a Blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The UTF-8 `filename*` of a Content-Disposition; undefined when absent or mangled on the way. */
function utf8Name(disposition: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  try {
    return encoded ? decodeURIComponent(encoded) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Downloads an API file with the session's token (a plain link cannot send it), named as the server names it
 * (Content-Disposition: its UTF-8 `filename*`, else `filename`) or `fileName`. A refusal arrives as an ApiError with the server's Russian message.
 */
export async function downloadFromApi(path: string, fileName: string): Promise<void> {
  const response = await session.fetch(path);
  if (!response.ok) throw await toApiError(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const named = utf8Name(disposition) ?? /filename="([^"]+)"/.exec(disposition)?.[1];
  saveBlob(await response.blob(), named ?? fileName);
}
