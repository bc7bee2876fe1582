import { describe, expect, it } from "vitest";
import type { Role } from "./api/types";
import { sectionOf, sectionsFor } from "./sections";

describe("navigation by role", () => {
  it.each<[Role, string[]]>([
    ["platform_admin", ["Регионы"]],
    ["region_admin", ["Организации", "Дорожные карты", "Пользователи", "Журнал"]],
    ["region_viewer", ["Организации", "Дорожные карты"]],
    ["curator", ["Моя организация", "Дорожные карты", "Участники", "Пары", "Пользователи", "Журнал"]],
    ["staff", ["Моя организация", "Дорожные карты", "Участники", "Пары"]],
    ["institution_viewer", ["Моя организация", "Дорожные карты", "Участники", "Пары"]],
  ])("%s sees %j", (role, labels) => {
    expect(sectionsFor(role).map((section) => section.label)).toEqual(labels);
  });

  it("finds the section of a nested path", () => {
    expect(sectionOf("/institutions/org_01")?.path).toBe("/institutions");
    expect(sectionOf("/institutions/import")?.path).toBe("/institutions/import");
    expect(sectionOf("/institution")?.path).toBe("/institution");
    expect(sectionOf("/nowhere")).toBeUndefined();
  });
});
