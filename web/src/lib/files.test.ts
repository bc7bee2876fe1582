// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { downloadFromApi } from "./files";

afterEach(() => vi.unstubAllGlobals());

/** The name the browser is asked to save a download under, for a given Content-Disposition. */
async function savedName(disposition: string | undefined): Promise<string> {
  vi.stubGlobal(
    "fetch",
    async () => new Response("x", { status: 200, headers: disposition ? { "content-disposition": disposition } : {} }),
  );
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  await downloadFromApi("/api/file", "Запасное имя.xlsx");
  return names[0] ?? "";
}

describe("downloadFromApi", () => {
  it("saves under the server's UTF-8 name, else its ASCII name, else the caller's", async () => {
    expect(
      await savedName(`attachment; filename="___.xlsx"; filename*=UTF-8''${encodeURIComponent("Мониторинг ЦМН с 01.09.2026.xlsx")}`),
    ).toBe("Мониторинг ЦМН с 01.09.2026.xlsx");
    expect(await savedName(`attachment; filename="report.csv"`)).toBe("report.csv");
    expect(await savedName(undefined)).toBe("Запасное имя.xlsx");
  });
});
