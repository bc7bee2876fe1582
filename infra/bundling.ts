import type { FunctionProps } from "sst/constructs";

/**
 * How every Lambda is bundled: SST's `nodejs` function props, set as the app's default in sst.config.ts, and what
 * bench/bundles.ts builds with (adding the options SST itself fixes) to measure the bundles as deployed.
 */
export const lambdaBundling = {
  format: "esm",
  minify: true,
  // Rarely used libraries (exceljs, the MIME composer, the SES/S3/Lambda clients) are imported dynamically: with
  // splitting they are separate chunks that a cold start does not load.
  splitting: true,
  esbuild: {
    // The bundles target node20 so that the same code runs in the local runtime (Node 20); the AWS SDK v3 is
    // provided by the Lambda runtime and stays out of the bundles. Russian text stays UTF-8 (2 bytes a letter)
    // instead of \u escapes (6 bytes).
    target: "node20",
    external: ["@aws-sdk/*"],
    charset: "utf8",
    // ElectroDB's model validation is not repeated on every cold start (see the stub). An alias path is resolved
    // from the working directory, the project root for `sst deploy`, the tests and the benchmark alike.
    alias: { jsonschema: "./infra/jsonschema-stub.cjs" },
  },
} satisfies NonNullable<FunctionProps["nodejs"]>;
