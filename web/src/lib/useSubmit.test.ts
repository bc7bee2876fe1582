import { VALIDATE_ONLY_HEADER } from "@rnc/core/http";
import { describe, expect, it } from "vitest";
import type { AnyResponse } from "../api/client";
import { type RequestOptions, sendChecked } from "./useSubmit";

const answer = (status: number, body: unknown) =>
  Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status }) as unknown as AnyResponse);
const fieldsAnswer = (fields: { path: string; message: string }[]) =>
  answer(400, { error: { code: "request.invalid", message: "Проверьте правильность заполнения полей", details: { fields } } });

describe("sendChecked", () => {
  it("sends a form its own checks passed as it is", async () => {
    const sent: (RequestOptions | undefined)[] = [];
    const body = await sendChecked([], (options) => {
      sent.push(options);
      return answer(201, { id: "trn_1" });
    });
    expect(body).toEqual({ id: "trn_1" });
    expect(sent).toEqual([undefined]);
  });

  it("with problems, only asks the server to validate, and shows its field errors with the form's own", async () => {
    const sent: (RequestOptions | undefined)[] = [];
    const error = await sendChecked([{ path: "date", message: "Дата: укажите существующую дату в формате ДД.ММ.ГГГГ" }], (options) => {
      sent.push(options);
      return fieldsAnswer([
        { path: "title", message: "Заполните поле «Название»" },
        { path: "date", message: "Поле «Дата»: укажите существующую дату" },
      ]);
    }).catch((e: unknown) => e);
    expect(sent).toEqual([{ headers: { [VALIDATE_ONLY_HEADER]: "1" } }]);
    expect((error as { fields: unknown }).fields).toEqual([
      { path: "title", message: "Заполните поле «Название»" },
      { path: "date", message: "Дата: укажите существующую дату в формате ДД.ММ.ГГГГ" },
    ]);
  });

  it("with problems and a body the server finds valid otherwise, shows the form's own problems and saves nothing", async () => {
    const problems = [{ path: "participants", message: "Укажите число участников" }];
    const error = await sendChecked(problems, () => answer(204, null)).catch((e: unknown) => e);
    expect((error as { fields: unknown }).fields).toEqual(problems);
  });
});
