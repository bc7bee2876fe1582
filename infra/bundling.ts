import type { FunctionProps } from "sst/constructs";

/** An esbuild plugin as SST's own esbuild types it (SST builds the functions with its own esbuild). */
type Plugin = NonNullable<NonNullable<NonNullable<FunctionProps["nodejs"]>["esbuild"]>["plugins"]>[number];

/**
 * The AWS SDK stays external (the Lambda runtime provides it) and is CommonJS. An ESM `import` of a CommonJS package
 * makes Node scan its source for export names (cjs-module-lexer), about 35 ms of every cold start for the DynamoDB
 * client and document client alone; a plain `require` skips that. This plugin loads every `@aws-sdk/*` import through
 * the `require` that the bundle's banner defines. Dynamic `import()`s stay lazy chunks.
 */
const requireAwsSdk: Plugin = {
  name: "require-aws-sdk",
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\// }, (args) =>
      args.namespace === "require-aws-sdk" ? { path: args.path, external: true } : { path: args.path, namespace: "require-aws-sdk" },
    );
    build.onLoad({ filter: /.*/, namespace: "require-aws-sdk" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

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
    plugins: [requireAwsSdk],
  },
} satisfies NonNullable<FunctionProps["nodejs"]>;
