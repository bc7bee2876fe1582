// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import InstitutionsPage from "./InstitutionsPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const institution = {
  tenantId: "org_1",
  regionId: "reg_1",
  shortName: "МБОУ СОШ № 5",
  fullName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 5»",
  type: "school",
  municipality: "Северный район",
  status: "archived",
  studentsTotal: 500,
  students10to19: 300,
  teachersTotal: 40,
  youngTeachers: 6,
  createdAt: "2026-01-10T09:00:00.000Z",
  updatedAt: "2026-11-01T09:00:00.000Z",
  version: 4,
};

describe("the region's institutions", () => {
  it("the region admin downloads a leaving institution's data, saved under the server's name", async () => {
    const calls = fakeApi({
      ...signedInAs("region_admin"),
      "GET /api/institutions": () => ({ status: 200, body: { items: [institution] } }),
      "GET /api/institutions/org_1/export": () => ({ status: 200, body: { institution } }),
    });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderPage(<InstitutionsPage />, { path: "/institutions" });
    fireEvent.click(await screen.findByRole("button", { name: "Выгрузить данные МБОУ СОШ № 5" }));
    await waitFor(() => expect(saved).toEqual(["МБОУ СОШ № 5.json"]));
    expect(calls.filter((call) => call.path === "/api/institutions/org_1/export")).toHaveLength(1);
  });
});
