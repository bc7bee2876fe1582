import type { SSTConfig } from "sst";
import { ApiStack } from "./infra/api";
import { AuthStack } from "./infra/auth";
import { EmailStack } from "./infra/email";
import { ExportsStack } from "./infra/exports";
import { JobsStack } from "./infra/jobs";
import { isDevStage } from "./infra/stage";
import { TableStack } from "./infra/table";
import { WebStack } from "./infra/web";

export default {
  config() {
    return { name: "rnc-mentorship", region: "eu-central-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({
      runtime: "nodejs22.x",
      architecture: "arm_64",
      nodejs: {
        format: "esm",
        minify: true,
        // Rarely used libraries (exceljs, the MIME composer) are imported dynamically: with splitting they
        // are separate chunks that a cold start does not load.
        splitting: true,
        // The bundles target node20 so that the same code runs in the local runtime (Node 20);
        // the AWS SDK v3 is provided by the Lambda runtime and stays out of the bundles. Russian text
        // stays UTF-8 (2 bytes a letter) instead of \u escapes (6 bytes).
        esbuild: { target: "node20", external: ["@aws-sdk/*"], charset: "utf8" },
      },
    });
    // Ephemeral stages leave nothing behind; other stages keep CDK's defaults (the table retains itself).
    if (isDevStage(app.stage)) app.setDefaultRemovalPolicy("destroy");

    app.stack(TableStack).stack(AuthStack).stack(EmailStack).stack(ExportsStack).stack(ApiStack).stack(JobsStack).stack(WebStack);
  },
} satisfies SSTConfig;
