/**
 * Where finished exports live: an S3 bucket in AWS (`EXPORTS_BUCKET`; downloaded through a presigned URL), a local
 * directory otherwise (`EXPORTS_DIR`, `.data/exports` under `npm start`, a temporary folder by default; downloaded
 * through the API's local-only file route). The AWS SDK clients are imported only when a bucket is configured.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const exportsBucket = () => process.env.EXPORTS_BUCKET || undefined;
export const exportsDir = () => resolve(process.env.EXPORTS_DIR || join(tmpdir(), "rnc-exports"));

/** The key of an export's file: region-scoped, never derived from user input. */
export const fileKey = (regionId: string, exportId: string, extension: string) => `${regionId}/${exportId}.${extension}`;

const localPath = (key: string) => {
  const root = exportsDir();
  const path = resolve(root, key);
  if (!path.startsWith(`${root}/`)) throw new Error("export key outside the exports folder");
  return path;
};

/** Stores a finished file under `key` and removes the temporary one. */
export async function storeFile(file: string, key: string, contentType: string): Promise<void> {
  const bucket = exportsBucket();
  if (bucket) {
    const { S3Client, PutObjectCommand } = await import("@aws-sdk/client-s3");
    const size = (await stat(file)).size;
    await new S3Client({}).send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: createReadStream(file), ContentLength: size, ContentType: contentType }),
    );
  } else {
    const target = localPath(key);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
  }
  await rm(file, { force: true });
}

/** A presigned GET URL (15 minutes) that downloads the file under its Russian name. */
export async function presignedUrl(key: string, fileName: string): Promise<string> {
  const bucket = exportsBucket();
  if (!bucket) throw new Error("EXPORTS_BUCKET is not set");
  const [{ S3Client, GetObjectCommand }, { getSignedUrl }] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("@aws-sdk/s3-request-presigner"),
  ]);
  const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return getSignedUrl(new S3Client({}), new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: disposition }), {
    expiresIn: 900,
  });
}

/** The local file (local mode only). */
export async function openLocalFile(key: string): Promise<{ stream: ReadStream; size: number } | undefined> {
  const path = localPath(key);
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  return { stream: createReadStream(path), size: info.size };
}
