/** The stack under benchmark, in its own process so load generation does not share its event loop. */
import { startLocalStack } from "../scripts/local/stack";

process.env.LOG_LEVEL = "silent";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const stack = await startLocalStack({ port: 0, mailPort: 0 });
process.stdout.write(
  `${JSON.stringify({ url: stack.url, dynamoEndpoint: stack.dynamoEndpoint, mailEndpoint: stack.mailUrl, tableName: stack.tableName })}\n`,
);
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
