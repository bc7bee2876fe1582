/**
 * The bulk loader's write side: items (already built by the product's ElectroDB entities, so keys, index attributes
 * and marshalling are the product's) go out as BatchWriteItem calls of 25, a few in flight, with unprocessed items
 * retried with backoff. Progress is printed every few seconds.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export type Item = Record<string, unknown>;

const REPORT_EVERY_MS = 5000;

export class BulkWriter {
  readonly started = performance.now();
  written = 0;
  private buffer: Item[] = [];
  private inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private lastReport = performance.now();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly options: { concurrency: number; progress?: (writer: BulkWriter) => string },
  ) {}

  /** Queues items; resolves when the backlog is small enough to take more (backpressure for the generator). */
  async put(items: Item[]): Promise<void> {
    for (const item of items) this.buffer.push(item);
    while (this.buffer.length >= 25) {
      if (this.failure) throw this.failure;
      await this.slot();
      this.launch(this.buffer.splice(0, 25));
    }
  }

  /** Sends what is left and waits for every call. */
  async flush(): Promise<void> {
    while (this.buffer.length > 0) {
      await this.slot();
      this.launch(this.buffer.splice(0, 25));
    }
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    this.report(true);
  }

  get seconds() {
    return (performance.now() - this.started) / 1000;
  }

  get itemsPerSecond() {
    return Math.round(this.written / Math.max(this.seconds, 0.001));
  }

  private async slot() {
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
  }

  private launch(chunk: Item[]) {
    const call = this.send(chunk)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(call));
    this.inFlight.add(call);
  }

  private async send(chunk: Item[]) {
    const { BatchWriteCommand } = await import("@aws-sdk/lib-dynamodb");
    let pending: { PutRequest: { Item: Item } }[] = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`BatchWriteItem: ${pending.length} items still unprocessed after ${attempt} attempts`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random())));
      const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
      const left = (result.UnprocessedItems?.[this.table] ?? []) as typeof pending;
      this.written += pending.length - left.length;
      pending = left;
    }
    this.report(false);
  }

  private report(final: boolean) {
    const now = performance.now();
    if (!final && now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    const extra = this.options.progress ? `, ${this.options.progress(this)}` : "";
    console.log(`  … ${this.written} items in ${this.seconds.toFixed(1)} s (${this.itemsPerSecond} items/s${extra})`);
  }
}
