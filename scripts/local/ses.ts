import type { Server } from "node:http";
import sesModule from "aws-ses-v2-local";

export type LocalMail = { endpoint: string; stop: () => Promise<void> };

// The package is CommonJS: its default export arrives wrapped under ESM.
const startServer = ((sesModule as unknown as { default?: typeof sesModule }).default ?? sesModule) as (config: {
  host: string;
  port: number;
}) => Promise<Server>;

/** The SES-compatible mail sink (SES v1/v2 API, an inbox page at `/`, messages at `/store`). */
export async function startMailSink(port = 0): Promise<LocalMail> {
  const server = await startServer({ host: "127.0.0.1", port });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
