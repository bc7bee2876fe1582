import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { ensureTable } from "../local/table";

// Runs before each test file is imported: point the core at DynamoDB Local and a fresh table.
process.env.DDB_ENDPOINT = inject("dynamoEndpoint");
process.env.SES_ENDPOINT = inject("mailEndpoint");
process.env.JWT_PRIVATE_KEY = inject("jwtPrivateKey");
process.env.TABLE_NAME = `test-${randomUUID()}`;
process.env.APP_URL = "http://localhost:3000";
process.env.EMAIL_FROM = "ЦМН <noreply@mentor.local>";
await ensureTable(process.env.DDB_ENDPOINT, process.env.TABLE_NAME);
