// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ConfirmDialog, Dialog } from "./Dialog";

afterEach(cleanup);

/**
 * A page with one control that opens a dialog. On closing, `after` decides what becomes of the control: it stays, a
 * re-render replaces it with a new element (the same id), or it goes (its record deleted).
 */
function Page({ after = "stays", confirm }: { after?: "stays" | "replaced" | "gone"; confirm?: boolean }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [gone, setGone] = useState(false);
  const close = () => {
    setOpen(false);
    if (after === "replaced") setGeneration((value) => value + 1);
    if (after === "gone") setGone(true);
  };
  return (
    <main>
      <h1>Записи</h1>
      <button type="button">Другая кнопка</button>
      {!gone && (
        <button key={generation} id="record-edit" type="button" onClick={() => setOpen(true)}>
          Изменить запись
        </button>
      )}
      {open &&
        (confirm ? (
          <ConfirmDialog title="Удалить запись?" confirmLabel="Удалить" onConfirm={close} onCancel={close}>
            <p>Запись будет удалена.</p>
          </ConfirmDialog>
        ) : (
          <Dialog title="Запись" onClose={close}>
            <button type="button" onClick={close}>
              Сохранить
            </button>
            <button type="button" onClick={close}>
              Отмена
            </button>
          </Dialog>
        ))}
    </main>
  );
}

/** Focuses the opener (as a click or the keyboard does in a browser) and opens the dialog. */
async function open(name = "Запись") {
  const opener = screen.getByRole("button", { name: "Изменить запись" });
  opener.focus();
  fireEvent.click(opener);
  const dialog = await screen.findByRole("dialog", { name });
  // Focus inside the dialog, where the browser's showModal() puts it (happy-dom leaves it on the opener).
  within(dialog).getByRole("button", { name: "Закрыть" }).focus();
  return dialog;
}

describe("a dialog returns focus when it closes", () => {
  it("to the control that opened it, whichever way it closes: «×», «Отмена», a save, Esc", async () => {
    render(<Page />);
    const opener = screen.getByRole("button", { name: "Изменить запись" });
    const closers: ((dialog: HTMLElement) => void)[] = [
      () => fireEvent.click(screen.getByRole("button", { name: "Закрыть" })),
      () => fireEvent.click(screen.getByRole("button", { name: "Отмена" })),
      () => fireEvent.click(screen.getByRole("button", { name: "Сохранить" })),
      (dialog) => fireEvent(dialog, new Event("cancel", { cancelable: true })),
    ];
    for (const closeIt of closers) {
      const dialog = await open();
      closeIt(dialog);
      await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
      await waitFor(() => expect(document.activeElement).toBe(opener));
    }
  });

  it("after a confirmation, to the control that asked for it", async () => {
    render(<Page confirm />);
    await open("Удалить запись?");
    fireEvent.click(screen.getByRole("button", { name: "Удалить" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Изменить запись" })));
  });

  it("to the element that replaced the opener when the page re-rendered it", async () => {
    render(<Page after="replaced" />);
    const opener = screen.getByRole("button", { name: "Изменить запись" });
    await open();
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("record-edit"));
    // A new element, not the one that opened the dialog.
    expect(document.activeElement).not.toBe(opener);
  });

  it("to the page's main heading when the opener is gone, never to <body>", async () => {
    render(<Page after="gone" />);
    await open();
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Записи" })));
  });
});
