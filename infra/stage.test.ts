import { describe, expect, test } from "vitest";
import { isDevStage } from "./stage";

describe("isDevStage", () => {
  test.each(["dev", "local", "test", "dev-anna", "pr-42"])("%s is a dev stage", (stage) => {
    expect(isDevStage(stage)).toBe(true);
  });

  test.each(["prod", "production", "staging", "demo", "develop", "devops", "pr", "preview-1", "test-1"])("%s keeps its data", (stage) => {
    expect(isDevStage(stage)).toBe(false);
  });
});
