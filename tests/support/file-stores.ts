import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Disk } from "flydrive";
import { localDisk } from "../../lib/files/storage";
import { startS3Server } from "./s3-server";

// The two stores the files tests run every case on: a temporary folder on the local disk, and a real
// S3-protocol server (s3rver). Each `open()` gives a new, empty store; `stop()` removes it.

export type Store = { name: string; disk: Disk; stop: () => Promise<void> };

export const FILE_STORES: Array<[string, () => Promise<Store>]> = [
  [
    "local disk",
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "pathwise-files-"));
      return { name: "local", disk: localDisk(dir), stop: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    "S3 (s3rver)",
    async () => {
      const server = await startS3Server();
      return { name: "s3", disk: server.disk, stop: server.stop };
    },
  ],
];

/** Every object the disk holds under the organisation's folder. */
export async function objectsOf(disk: Disk, organizationId: string): Promise<string[]> {
  const { objects } = await disk.listAll(`${organizationId}/`, { recursive: true });
  return [...objects].filter((o) => o.isFile).map((o) => o.key);
}

/** A small file that sniffs as a PDF. */
export const PDF = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", "latin1");

/** The parts as a stream of chunks, the way a request body arrives. */
export const chunks = (...parts: Uint8Array[]) => Readable.from(parts.map((p) => Buffer.from(p)));

/** `size` bytes that sniff as a PDF, as a stream. */
export const pdfOfSize = (size: number) => chunks(PDF, Buffer.alloc(size - PDF.length, "x"));
