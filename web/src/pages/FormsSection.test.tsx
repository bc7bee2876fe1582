// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formCatalogue } from "@rnc/core/forms/catalogue";
import { renderPage, signedInAs } from "../test-signed-in";
import { fakeApi } from "../test-support";
import { FormsSection } from "./FormsSection";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const defaults = { catalogue: formCatalogue, enabled: ["pupil_pupil", "teacher_teacher"], isDefault: true, version: 0 };

describe("the institution's forms of mentoring", () => {
  it("the curator turns a form on and saves the choice with the version it was based on", async () => {
    const calls = fakeApi({
      ...signedInAs("curator"),
      "GET /api/forms": () => ({ status: 200, body: defaults }),
      "PUT /api/forms/enabled": (body) => ({
        status: 200,
        body: { ...defaults, enabled: (body as { enabled: string[] }).enabled, isDefault: false, version: 1 },
      }),
    });
    renderPage(<FormsSection />, { path: "/institution" });
    const group = await screen.findByRole("group", { name: "Формы, которые использует организация" });
    expect(screen.getByText(/формы по умолчанию/)).toBeTruthy();
    const youngTeacher = formCatalogue.find((form) => form.code === "teacher_young_teacher");
    fireEvent.click(within(group).getByLabelText(new RegExp(youngTeacher?.label ?? "—")));
    fireEvent.click(screen.getByRole("button", { name: "Сохранить формы" }));
    await screen.findByText("Формы наставничества сохранены");
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      enabled: ["pupil_pupil", "teacher_teacher", "teacher_young_teacher"],
      version: 0,
    });
  });

  it("refuses to save with no form, and a viewer sees the forms without changing them", async () => {
    fakeApi({ ...signedInAs("curator"), "GET /api/forms": () => ({ status: 200, body: defaults }) });
    renderPage(<FormsSection />, { path: "/institution" });
    const group = await screen.findByRole("group", { name: "Формы, которые использует организация" });
    for (const box of within(group).getAllByRole("checkbox") as HTMLInputElement[]) if (box.checked) fireEvent.click(box);
    fireEvent.click(screen.getByRole("button", { name: "Сохранить формы" }));
    expect((await screen.findAllByText("Включите хотя бы одну форму наставничества")).length).toBeGreaterThan(0);
    cleanup();

    fakeApi({ ...signedInAs("institution_viewer"), "GET /api/forms": () => ({ status: 200, body: defaults }) });
    renderPage(<FormsSection />, { path: "/institution" });
    const readOnly = await screen.findByRole("group", { name: "Формы, которые использует организация" });
    await waitFor(() => expect((within(readOnly).getAllByRole("checkbox") as HTMLInputElement[]).every((box) => box.disabled)).toBe(true));
    expect(screen.queryByRole("button", { name: "Сохранить формы" })).toBeNull();
  });
});
