import { sesClient } from "../email";
import { log } from "../log";
import { SuppressionEntity } from "./reminder.entity";

export async function isSuppressed(email: string): Promise<boolean> {
  return Boolean((await SuppressionEntity.get({ email }).go()).data);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type SendPolicy = {
  /** Emails per second at most (SES account sending rate). */
  ratePerSecond: number;
  attempts: number;
  backoffMs: number;
};

export const defaultSendPolicy = (): SendPolicy => ({
  ratePerSecond: Number(process.env.SES_SEND_RATE ?? 10),
  attempts: 4,
  backoffMs: Number(process.env.SES_RETRY_BACKOFF_MS ?? 500),
});

/** Paces sends to the configured rate. */
export function createPacer(ratePerSecond: number) {
  const interval = 1000 / Math.max(ratePerSecond, 0.001);
  let next = 0;
  return async () => {
    const now = Date.now();
    const wait = Math.max(0, next - now);
    next = Math.max(now, next) + interval;
    if (wait > 0) await sleep(wait);
  };
}

/** Sends one raw email, retrying throttling and transient failures with exponential backoff. */
export async function sendRaw(raw: Buffer, policy: SendPolicy): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { SendRawEmailCommand } = await import("@aws-sdk/client-ses");
      await (await sesClient()).send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
      return;
    } catch (error) {
      if (attempt >= policy.attempts) throw error;
      log.warn("email send failed, retrying", { attempt, error: (error as Error).name });
      await sleep(policy.backoffMs * 2 ** (attempt - 1));
    }
  }
}
