import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./actions";

describe("audit action labels", () => {
  it("names an action in Russian; a code without a label (a newer server) shows its area and the code", () => {
    expect(auditActionLabel("participant.read")).toBe("Просмотр карточки участника");
    expect(auditActionLabel("participant.merge")).toBe("Участники: другое действие (participant.merge)");
    expect(auditActionLabel("teleport.start")).toBe("Другое действие (teleport.start)");
  });
});
