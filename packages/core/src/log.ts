import { peekActor } from "./actor";
import { createContext } from "./context";

type RequestInfo = { requestId: string };
const RequestContext = createContext<RequestInfo>("request");

export const withRequest = RequestContext.with;
export const useRequestID = (): string | undefined => RequestContext.peek()?.requestId;

type Level = "debug" | "info" | "warn" | "error";

/** One JSON line per event, always carrying request id, tenant and region when they are known. */
function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (process.env.LOG_LEVEL === "silent") return;
  if (level === "debug" && process.env.LOG_LEVEL !== "debug") return;
  const actor = peekActor();
  const scope = actor && actor.type !== "public" ? actor.properties : undefined;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    requestId: useRequestID(),
    tenantId: scope?.tenantId,
    regionId: scope?.regionId,
    ...fields,
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
