import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Disk } from "flydrive";
import { FSDriver } from "flydrive/drivers/fs";
import { S3Driver } from "flydrive/drivers/s3";
import { env } from "../env";

// Where files' bytes live: one flydrive Disk, the local disk (default, under FILE_STORAGE_DIR, never
// under public/) or an S3-compatible bucket, chosen by the environment. Services take a Disk so the tests
// run the same code on a temporary folder and on a local S3 server. Keys are made by lib/files/files.ts.

export type S3Settings = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

/** A disk on the local file system, rooted at `location`. */
export function localDisk(location: string): Disk {
  return new Disk(new FSDriver({ location: path.resolve(location), visibility: "private" }));
}

// What the S3 client is doing with each upload's stream, so a failed upload can wait for it to end.
const sending = new WeakMap<object, Promise<unknown>>();

type Send = (command: { input?: { Body?: unknown } }, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;

/**
 * An S3 client that aborts an upload whose body stream fails (too large, not text): the SDK pipes the
 * body into the request, and a failed pipe would otherwise leave the request open, half sent.
 */
function abortingClient(config: S3ClientConfig): S3Client {
  const client = new S3Client(config);
  const send = client.send.bind(client) as unknown as Send;
  const aborting: Send = (command, options) => {
    const body = command.input?.Body;
    if (!(body instanceof Readable)) return send(command, options);
    const controller = new AbortController();
    body.once("error", () => controller.abort());
    const sent = send(command, { ...options, abortSignal: controller.signal });
    sending.set(
      body,
      sent.catch(() => undefined),
    );
    return sent;
  };
  client.send = aborting as unknown as S3Client["send"];
  return client;
}

/** Resolves once the store has finished with an upload's stream (an aborted request included). */
export async function uploadSettled(stream: Readable): Promise<void> {
  await sending.get(stream);
}

/** A disk on an S3-compatible bucket; objects are private (no ACL calls: not every store has ACLs). */
export function s3Disk(s: S3Settings): Disk {
  const client = abortingClient({
    region: s.region,
    endpoint: s.endpoint,
    forcePathStyle: s.forcePathStyle,
    credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
    // Checksums only where S3 requires them: the SDK's default trailing checksums (aws-chunked bodies)
    // are not understood by every S3-compatible store, which would then keep the chunk framing as data.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return new Disk(new S3Driver({ client, bucket: s.bucket, visibility: "private", supportsACL: false }));
}

/**
 * The bytes `start` to `end` (inclusive) of an object. flydrive reads only whole objects, so this asks
 * the store underneath: a read stream from that offset on the local disk, a ranged GetObject on S3.
 */
export async function getRangeStream(disk: Disk, key: string, { start, end }: { start: number; end: number }): Promise<Readable> {
  const driver = disk.driver;
  if (driver instanceof FSDriver) {
    const root = path.resolve(String(driver.options.location));
    const file = path.resolve(root, key);
    // Keys are the server's own (lib/files/files.ts); this only keeps a bad one inside the folder.
    if (!file.startsWith(root + path.sep)) throw new Error("A storage key outside the storage folder");
    return createReadStream(file, { start, end });
  }
  if (driver instanceof S3Driver && "client" in driver.options) {
    const { client, bucket } = driver.options;
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }));
    return object.Body as Readable;
  }
  throw new Error("This storage cannot read part of a file");
}

let configured: Disk | undefined;

/** The disk the environment configures (FILE_STORAGE, FILE_STORAGE_DIR, S3_*). */
export function fileDisk(): Disk {
  if (configured) return configured;
  const e = env();
  configured =
    e.FILE_STORAGE === "s3"
      ? s3Disk({
          bucket: e.S3_BUCKET!,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        })
      : localDisk(e.FILE_STORAGE_DIR);
  return configured;
}

/** The largest file accepted, in bytes (FILE_MAX_BYTES). */
export function fileMaxBytes(): number {
  return env().FILE_MAX_BYTES;
}
