// npm run bench:files — uploads and downloads 100 MB through the files services (lib/files/files.ts) on
// the local disk and on a local S3 server (s3rver, in a process of its own), from a generated stream
// rather than a buffer, and prints the throughput and the peak memory growth of this process for each.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Disk } from "flydrive";
import type { Db } from "../lib/db/client";
import { downloadFile } from "../lib/files/files";
import { uploadFile } from "../lib/files/upload";
import { localDisk } from "../lib/files/storage";
import { createActor, createCoachingRelationship, createOrganization } from "../tests/factories";
import { peakMemoryGrowth } from "../tests/support/memory";
import { startS3Server } from "../tests/support/s3-server";
import { runBench } from "./support";

const MB = 1024 * 1024;
const SIZE = 100 * MB;

function generated(size: number): Readable {
  const chunk = Buffer.alloc(MB, "pathwise ");
  chunk.write("%PDF-1.7\n", 0, "latin1");
  let sent = 0;
  return Readable.from(
    (async function* () {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(MB, size - sent));
        sent += part.length;
        yield part;
      }
    })(),
  );
}

/** Runs `work` after a collection: seconds taken and the peak memory growth. */
async function measured(work: () => Promise<unknown>) {
  globalThis.gc?.();
  return peakMemoryGrowth(work);
}

runBench("pathwise_bench_files", async (db: Db) => {
  const org = await createOrganization(db);
  const coach = await createActor(db, org.id, "COACH");
  const coachee = await createActor(db, org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });

  const dir = await mkdtemp(path.join(os.tmpdir(), "pathwise-bench-files-"));
  const s3 = await startS3Server();
  const stores: Array<[string, Disk]> = [
    ["local disk", localDisk(dir)],
    ["S3 (s3rver)", s3.disk],
  ];
  try {
    console.log(`100 MB through the files services (peak memory growth of this process):`);
    for (const [name, disk] of stores) {
      let id = "";
      const up = await measured(async () => {
        const file = await uploadFile(
          db,
          coach,
          { coacheeMembershipId: coachee.membershipId, visibility: "SHARED", name: "bench.pdf", body: generated(SIZE), declaredSize: SIZE },
          { disk, maxBytes: SIZE },
        );
        id = file.id;
      });
      const down = await measured(async () => {
        const { stream } = await downloadFile(db, coachee, { fileId: id }, { disk });
        for await (const chunk of stream) void chunk;
      });
      for (const [way, m] of [
        ["upload", up],
        ["download", down],
      ] as const)
        console.log(
          `  ${name.padEnd(12)} ${way.padEnd(8)} ${(SIZE / MB / m.seconds).toFixed(0).padStart(5)} MB/s  ${m.seconds.toFixed(2)} s  peak memory growth MB: rss ${m.rssMB.toFixed(1)}, heap+buffers ${m.heapMB.toFixed(1)}`,
        );
    }
  } finally {
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
