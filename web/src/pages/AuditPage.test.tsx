// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { idPrefixes } from "@rnc/core";
import type { Role } from "../api/types";
import { renderPage, signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import AuditPage from "./AuditPage";
import { auditObject, idKindLabels } from "./auditObjects";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ulid = "01j8zq4m5v6w7x8y9z0a1b2c3d";
const id = (prefix: string) => `${prefix}_${ulid}`;
const entry = (action: string, target: string, extra: { tenantId?: string } = {}) => ({
  auditId: id("aud") + action,
  at: "2026-05-10T09:00:00.000Z",
  actorId: "usr_1",
  actorRole: "curator",
  action,
  target,
  ...extra,
});

describe("the audit log's objects", () => {
  it("names the kind of every id the system creates", () => {
    expect(Object.values(idPrefixes).filter((prefix) => !idKindLabels[prefix])).toEqual([]);
  });

  it("says what an object is and links to its page where the viewer has one", () => {
    const names = new Map([[id("org"), "МБОУ СОШ № 1"]]);
    const of = (action: string, target: string, role: Role = "curator", extra = {}) =>
      auditObject({ action, target, ...extra }, role, names);
    expect(of("pair.read", id("par"))).toEqual({ kind: "Пара или группа", href: `/pairs/${id("par")}` });
    expect(of("participant.read", id("ptc"))).toEqual({ kind: "Участник", href: `/participants/${id("ptc")}` });
    expect(of("roadmap.item.done", id("rmi"))).toEqual({ kind: "Мероприятие дорожной карты" });
    expect(of("roadmap.update", id("rmp"))).toEqual({ kind: "Дорожная карта", href: `/roadmaps/${id("rmp")}` });
    expect(of("participant.list", "participants")).toEqual({ kind: "Список участников", href: "/participants" });
    expect(of("pair.list", "pairs")).toEqual({ kind: "Список пар и групп", href: "/pairs" });
    expect(of("submission.submit", id("cmp"))).toEqual({ kind: "Отчёт по кампании отчётности", href: `/monitoring/${id("cmp")}` });
    expect(of("forms.update", id("org"))).toEqual({ kind: "Организация", name: "МБОУ СОШ № 1", href: "/institution" });
    // The region's own pages.
    expect(of("campaign.publish", id("cmp"), "region_admin")).toEqual({
      kind: "Кампания отчётности",
      href: `/region/monitoring/${id("cmp")}`,
    });
    expect(of("institution.update", id("org"), "region_admin")).toEqual({
      kind: "Организация",
      name: "МБОУ СОШ № 1",
      href: `/region/stats/${id("org")}`,
    });
    expect(of("kpi.targets", "2026", "region_admin")).toEqual({ kind: "Целевые показатели на 2026 год", href: "/region/kpi" });
    expect(of("roadmap.template.publish", id("reg"), "region_admin")).toEqual({
      kind: "Шаблон дорожной карты региона",
      href: "/region/roadmap-template",
    });
    // No link to a page the role may not open, and an unknown target stays as it is.
    expect(of("campaign.publish", id("cmp"), "curator")?.href).toBeUndefined();
    expect(of("something", "xyz_123")).toBeUndefined();
  });

  it("shows the kind and the name of each object instead of its id", async () => {
    fakeApi({
      ...signedInAs("curator"),
      "GET /api/audit": () => ({
        status: 200,
        body: {
          items: [
            entry("pair.read", id("par")),
            entry("roadmap.item.done", id("rmi")),
            entry("participant.list", "participants"),
            entry("submission.submit", id("cmp")),
            entry("forms.update", id("org")),
          ],
          cursor: null,
        },
      }),
      "GET /api/users": () => ({ status: 200, body: { items: [] } }),
      "GET /api/institutions/own": () => ({ status: 200, body: { tenantId: id("org"), shortName: "МБОУ СОШ № 1" } }),
      "GET /api/monitoring/submissions": () => ({
        status: 200,
        body: { items: [{ campaignId: id("cmp"), name: "Мониторинг ЦМН, I полугодие 2026/27" }] },
      }),
    });
    renderPage(<AuditPage />, { path: "/audit" });
    const table = await screen.findByRole("table", { name: "Журнал действий" });
    const pair = within(table).getByRole("link", { name: "Пара или группа" });
    expect(pair.getAttribute("href")).toBe(`/pairs/${id("par")}`);
    expect(within(table).getByText("Мероприятие дорожной карты")).toBeTruthy();
    expect(within(table).getByRole("link", { name: "Список участников" }).getAttribute("href")).toBe("/participants");
    expect((await within(table).findByRole("link", { name: "МБОУ СОШ № 1" })).getAttribute("href")).toBe("/institution");
    expect(within(table).getByText("Организация")).toBeTruthy();
    const report = await within(table).findByRole("link", { name: "Мониторинг ЦМН, I полугодие 2026/27" });
    expect(report.getAttribute("href")).toBe(`/monitoring/${id("cmp")}`);
    expect(table.textContent).not.toMatch(/[a-z]{3}_|participants/);
  });
});
