import type { SSTConfig } from "sst";
import { ApiStack } from "./infra/api";
import { lambdaBundling } from "./infra/bundling";
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
      // ESM, minified, code splitting, AWS SDK external (see infra/bundling.ts; bench/bundles.ts measures the same).
      nodejs: lambdaBundling,
    });
    // Ephemeral stages leave nothing behind; other stages keep CDK's defaults (the table retains itself).
    if (isDevStage(app.stage)) app.setDefaultRemovalPolicy("destroy");

    app.stack(TableStack).stack(AuthStack).stack(EmailStack).stack(ExportsStack).stack(ApiStack).stack(JobsStack).stack(WebStack);
  },
} satisfies SSTConfig;
