import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { call, createTestRegion, tokenFor } from "../../../scripts/test/fixtures";
import { app } from "../app";

const header =
  "Полное наименование;Краткое наименование;Тип;Муниципалитет;Обучающихся всего;Из них 10–19 лет;Педагогов всего;Из них молодых специалистов;Email;Телефон";
const csv = (...rows: string[]) => ({ fileName: "orgs.csv", contentBase64: Buffer.from([header, ...rows].join("\n")).toString("base64") });

describe("bulk import of institutions", async () => {
  const { users, school } = await createTestRegion();
  const token = await tokenFor(users.region_admin);
  const count = async () => (await call(app, "GET", "/api/institutions", { token })).json.items.length as number;

  it("offers a template that round-trips through the importer", async () => {
    const res = await app.request("/api/institutions/import/template?format=xlsx", { headers: { authorization: `Bearer ${token}` } });
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("Шаблон списка организаций.xlsx")}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet("Организации");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Полное наименование");
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const preview = await call(app, "POST", "/api/institutions/import/preview", { token, body: { fileName: "t.xlsx", contentBase64 } });
    expect(preview.json).toMatchObject({ total: 1, valid: 1, invalid: 0 });
    expect(preview.json.rows[0].input).toMatchObject({ shortName: "МБОУ СШ № 5", type: "school", studentsTotal: 640 });
  });

  it("previews per-row errors and duplicates, and creates nothing until the file is clean or bad rows are skipped", async () => {
    const file = csv(
      "Лицей № 10;Лицей № 10;школа;Район;500;300;40;5;;",
      "Колледж связи;КС;СПО;Район;abc;10;10;2;не-почта;",
      `${school.fullName};Дубль;школа;Район;10;5;3;1;;`,
      "лицей  № 10;Повтор;школа;Район;10;5;3;1;;",
      "Школа искусств;ДШИ;университет;Район;10;5;3;1;;",
    );
    const preview = await call(app, "POST", "/api/institutions/import/preview", { token, body: file });
    expect(preview.json).toMatchObject({ total: 5, valid: 1, invalid: 4 });
    const errorsOf = (row: number) =>
      preview.json.rows.find((r: { row: number }) => r.row === row).errors.map((e: { message: string }) => e.message);
    expect(errorsOf(3).join(" ")).toContain("должно быть числом");
    expect(errorsOf(3).join(" ")).toContain("корректный адрес");
    expect(errorsOf(4)).toContain("Организация с таким названием уже есть в регионе");
    expect(errorsOf(5)).toContain("Повтор строки 2");
    expect(errorsOf(6)[0]).toBe("Неизвестный тип «университет»: укажите одно из значений: «школа», «СПО», «доп. образование», «другая»");

    const before = await count();
    const refused = await call(app, "POST", "/api/institutions/import", { token, body: file });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("import.has_errors");
    expect(refused.json.error.message).toBe("В файле есть ошибки в 4 из 5 строк. Исправьте их или пропустите ошибочные строки.");
    expect(await count()).toBe(before);

    const skipped = await call(app, "POST", "/api/institutions/import", { token, body: { ...file, skipInvalid: true } });
    expect(skipped.status).toBe(201);
    expect(skipped.json).toMatchObject({ created: 1, skipped: 4 });
    expect(await count()).toBe(before + 1);
  });

  it("flags a short name another institution of the region has, or an earlier row of the file", async () => {
    const preview = await call(app, "POST", "/api/institutions/import/preview", {
      token,
      body: csv(
        `Школа № 61;${school.shortName};школа;Район;10;5;3;1;;`,
        "Школа № 62;СШ 62;школа;Район;10;5;3;1;;",
        "Школа № 63;сш  62;школа;Район;10;5;3;1;;",
      ),
    });
    const errors = preview.json.rows.map((r: { errors: { field: string; message: string }[] }) => r.errors);
    expect(errors).toEqual([
      [{ field: "shortName", message: "Это краткое наименование уже у другой организации региона" }],
      [],
      [{ field: "shortName", message: "Повтор строки 3" }],
    ]);
  });

  it("reads the type «ДО» and says what is wrong with a negative, a fractional or a missing headcount", async () => {
    const preview = await call(app, "POST", "/api/institutions/import/preview", {
      token,
      body: csv("ЦДО «Радуга»;ЦДО;ДО;Район;-10;5,5;;2;;"),
    });
    const [row] = preview.json.rows;
    expect(row.values.type).toBe("ДО");
    expect(row.errors.map((e: { message: string }) => e.message).sort()).toEqual([
      "Заполните поле «Педагогов всего»",
      "Поле «Из них в возрасте 10–19 лет» должно быть целым числом",
      "Поле «Обучающихся всего» не может быть отрицательным",
    ]);
    const fixed = await call(app, "POST", "/api/institutions/import/preview", {
      token,
      body: csv("ЦДО «Радуга»;ЦДО;ДО;Район;300;200;20;2;;"),
    });
    expect(fixed.json.rows[0].input).toMatchObject({ type: "additional", studentsTotal: 300 });
  });

  it("accepts the 15–19 headcount when present and files without that (optional) column", async () => {
    const withColumn = {
      fileName: "new.csv",
      contentBase64: Buffer.from(
        "Полное наименование;Краткое наименование;Тип;Муниципалитет;Обучающихся всего;Из них 10–19 лет;Из них 15–19 лет;Педагогов всего;Из них молодых специалистов;Email;Телефон\n" +
          "Лицей № 44;Л44;школа;Район;500;300;400;40;5;;",
      ).toString("base64"),
    };
    const res = await call(app, "POST", "/api/institutions/import/preview", { token, body: withColumn });
    expect(res.json.rows[0].errors).toEqual([
      { field: "students15to19", message: "Обучающихся 15–19 лет не может быть больше, чем обучающихся 10–19 лет" },
    ]);
    const older = await call(app, "POST", "/api/institutions/import/preview", {
      token,
      body: csv("Лицей № 45;Л45;школа;Район;500;300;40;5;;"),
    });
    expect(older.json).toMatchObject({ valid: 1, invalid: 0 });
    expect(older.json.rows[0].input.students15to19).toBeUndefined();
  });

  it("names missing and unknown columns", async () => {
    const file = { fileName: "x.csv", contentBase64: Buffer.from("Название;Тип;Лишний\nШкола;школа;1").toString("base64") };
    const res = await call(app, "POST", "/api/institutions/import/preview", { token, body: file });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("import.wrong_columns");
    expect(res.json.error.message).toContain("Не хватает столбцов: «Полное наименование»");
    expect(res.json.error.details.unknown).toEqual(["Название", "Лишний"]);
  });

  it("refuses a file that is not a spreadsheet", async () => {
    const res = await call(app, "POST", "/api/institutions/import/preview", {
      token,
      body: { fileName: "a.pdf", contentBase64: "JVBERi0=" },
    });
    expect(res.json.error.code).toBe("import.unsupported_file");
  });

  it("exports a leaving institution's data without participants' personal data", async () => {
    const res = await call(app, "GET", `/api/institutions/${school.tenantId}/export`, { token });
    expect(res.status).toBe(200);
    expect(res.json.institution.tenantId).toBe(school.tenantId);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(`Данные организации ${school.shortName}.json`));
    expect(res.json.users.map((u: { email: string }) => u.email)).toContain(users.curator.email);
    expect(Object.keys(res.json).sort()).toEqual(["audit", "exportedAt", "institution", "invitations", "users"]);
  });
});
