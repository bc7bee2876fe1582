import { expect, vi } from "vitest";
import { ddb } from "@rnc/core/dynamo";

type Send = typeof ddb.send;

/** Runs `fn` with every TransactWriteItems it sends passed to `around` (its request as JSON, and the real send). */
async function aroundTransactions<T>(around: (request: string, send: () => Promise<unknown>) => Promise<unknown>, fn: () => Promise<T>) {
  const send = ddb.send.bind(ddb);
  const spy = vi.spyOn(ddb, "send").mockImplementation((async (command: { input: { TransactItems?: unknown } }) => {
    const real = () => send(command as Parameters<Send>[0]);
    return command.input.TransactItems ? around(JSON.stringify(command.input), real) : real();
  }) as Send);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

/**
 * Runs `fn`; before each TransactWriteItems it sends, `intercept` sees the request and may throw (a failed or
 * cancelled transaction) or write first (another request landing between `fn`'s reads and its write).
 */
export function onTransactions<T>(intercept: (request: string) => Promise<void>, fn: () => Promise<T>): Promise<T> {
  return aroundTransactions(async (request, send) => {
    await intercept(request);
    return send();
  }, fn);
}

/**
 * Runs `between` once, when a TransactWriteItems whose request mentions `marker` is sent: `before` it is sent or
 * `after` it succeeded. The way to land one request between the steps of another; fails if no write mentioned it.
 */
export async function interleave<T>(marker: string, when: "before" | "after", between: () => Promise<unknown>, fn: () => Promise<T>) {
  let fired = false;
  const result = await aroundTransactions(async (request, send) => {
    const hit = !fired && request.includes(marker);
    if (hit) fired = true;
    if (hit && when === "before") await between();
    const sent = await send();
    if (hit && when === "after") await between();
    return sent;
  }, fn);
  expect(fired, `no write mentioned ${marker}`).toBe(true);
  return result;
}

/** `intercept` for onTransactions that runs `write` before the first transaction only. */
export const once = (write: () => Promise<unknown>) => {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await write();
  };
};

/** What DynamoDB throws when another transaction interfered. */
export const cancelledByConflict = () =>
  Object.assign(new Error("Transaction cancelled"), {
    name: "TransactionCanceledException",
    CancellationReasons: [{ Code: "TransactionConflict" }],
  });

/**
 * What DynamoDB throws when a transaction would grow an item over its 400 KB limit (an update of the first item):
 * cancelled with a `ValidationError` reason. DynamoDB Local refuses such a request up front instead (a
 * ValidationException), so a test that needs the cancellation makes it with this.
 */
export const cancelledAsInvalid = () =>
  Object.assign(new Error("Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError, None]"), {
    name: "TransactionCanceledException",
    CancellationReasons: [
      { Code: "ValidationError", Message: "Item size to update has exceeded the maximum allowed size" },
      { Code: "None" },
    ],
  });
