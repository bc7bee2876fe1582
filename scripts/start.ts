/**
 * `npm start`: the whole product on this machine. Data is kept in .data/ between runs;
 * `npm start -- --fresh` (or FRESH=1) starts empty. Ctrl-C stops everything, Java included.
 */
import { join } from "node:path";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { ROOT, startLocalStack } from "./local/stack";

const fresh = process.argv.includes("--fresh") || process.env.FRESH === "1";
const port = Number(process.env.PORT ?? 3000);
const mailPort = Number(process.env.MAIL_PORT ?? 8005);

const stack = await startLocalStack({
  port,
  mailPort,
  dataDir: join(ROOT, ".data"),
  fresh,
  seedDemo: true,
  jobs: true,
  webDir: join(ROOT, "web/dist"),
});

const { demoAccounts } = await import("./local/seed");
console.log(`
ЦМН — local stack is up${stack.seeded ? " (demo region seeded)" : ""}
  App:          ${stack.url}
  API:          ${stack.url}/api   (health: ${stack.url}/api/health)
  API docs:     ${stack.url}/api/docs   (OpenAPI: ${stack.url}/api/openapi.json)
  Mail inbox:   ${stack.mailUrl}
  DynamoDB:     ${stack.dynamoEndpoint} (table ${stack.tableName}, data in .data/)

Demo accounts (password ${demoAccounts.password}):
${demoAccounts.users.map((user) => `  ${user.email.padEnd(22)} ${user.label}`).join("\n")}

Press Ctrl-C to stop.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await stack.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
