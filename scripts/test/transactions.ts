import { vi } from "vitest";
import { ddb } from "@rnc/core/dynamo";

/**
 * Runs `fn`; before each TransactWriteItems it sends, `intercept` sees the request and may throw (a failed or
 * cancelled transaction) or write first (another request landing between `fn`'s reads and its write).
 */
export async function onTransactions<T>(intercept: (request: string) => Promise<void>, fn: () => Promise<T>): Promise<T> {
  const send = ddb.send.bind(ddb);
  const spy = vi.spyOn(ddb, "send").mockImplementation((async (command: { input: { TransactItems?: unknown } }) => {
    if (command.input.TransactItems) await intercept(JSON.stringify(command.input));
    return send(command as Parameters<typeof send>[0]);
  }) as typeof ddb.send);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
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
export const transactionConflict = () =>
  Object.assign(new Error("Transaction cancelled"), {
    name: "TransactionCanceledException",
    CancellationReasons: [{ Code: "TransactionConflict" }],
  });
