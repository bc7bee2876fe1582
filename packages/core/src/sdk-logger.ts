import type { DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";

/**
 * The AWS SDK logger for our clients: no `info`. The SDK's default no-op logger has one, so its logger middleware
 * builds a redacted copy of every response for a log line nobody reads (~20 ms for a 1 MB Query page). Warnings and
 * errors still reach the console. No side effects: the benchmark's raw client imports it before the store is set up.
 */
export const quietLogger = { debug: () => {}, warn: console.warn, error: console.error } as unknown as DynamoDBClientConfig["logger"];
