import { Duration } from "aws-cdk-lib/core";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess } from "aws-cdk-lib/aws-s3";
import { Bucket, Function as SstFunction, type StackContext, use } from "sst/constructs";
import { LAMBDA_MEMORY_MB } from "./lambda-heap";
import { TableStack } from "./table";

/**
 * Consolidated regional exports: a private bucket for the finished files (kept 7 days, like the export job items'
 * TTL) and the function that builds them, invoked asynchronously by the API. The function reads the table, may
 * update only region-owned items (the export job's status and progress, partition `R#…`), and may put and get
 * objects in this bucket only.
 */
export function ExportsStack({ app, stack }: StackContext) {
  const { table } = use(TableStack);

  const bucket = new Bucket(stack, "Exports", {
    cdk: {
      bucket: {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        lifecycleRules: [{ id: "expire-exports", enabled: true, expiration: Duration.days(7) }],
      },
    },
  });

  const exporter = new SstFunction(stack, "ExportHandler", {
    handler: "functions/jobs/export.handler",
    description: "Builds a region's consolidated export (XLSX or CSV) into the exports bucket",
    environment: { TABLE_NAME: table.tableName, EXPORTS_BUCKET: bucket.bucketName, STAGE: app.stage },
    permissions: [
      [table.cdk.table, "grantReadData"],
      new PolicyStatement({
        actions: ["dynamodb:UpdateItem"],
        resources: [table.tableArn],
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["R#*"] } },
      }),
      new PolicyStatement({ actions: ["s3:PutObject", "s3:GetObject"], resources: [`${bucket.bucketArn}/*`] }),
    ],
    timeout: "15 minutes",
    memorySize: `${LAMBDA_MEMORY_MB} MB`,
  });

  return {
    bucket,
    exporter,
    /** What the API needs: start the function (asynchronously) and presign downloads of its files. */
    apiEnvironment: { EXPORTS_BUCKET: bucket.bucketName, EXPORT_FUNCTION_NAME: exporter.functionName },
    apiPolicies: () => [
      new PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: [exporter.functionArn] }),
      new PolicyStatement({ actions: ["s3:GetObject"], resources: [`${bucket.bucketArn}/*`] }),
    ],
  };
}
