import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { s3Disk } from "../../lib/files/storage";

// A real S3-protocol server on a free loopback port, for the files tests and bench: s3rver, in a process
// of its own (so what it holds does not count in the memory the tests measure), over a temporary folder,
// with one bucket. `stop()` ends it and removes the folder.

export const S3_TEST_BUCKET = "pathwise-files";

const SCRIPT = `
const S3rver = require("s3rver");
const server = new S3rver({
  address: "127.0.0.1", port: 0, silent: true, directory: process.argv[1],
  configureBuckets: [{ name: ${JSON.stringify(S3_TEST_BUCKET)} }],
});
server.run().then(({ port }) => console.log("PORT " + port), (e) => { console.error(e); process.exit(1); });
`;

export async function startS3Server() {
  const directory = await mkdtemp(path.join(os.tmpdir(), "pathwise-s3-"));
  const child = spawn(process.execPath, ["-e", SCRIPT, directory], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = /^PORT (\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code})`)));
  });
  const settings = {
    bucket: S3_TEST_BUCKET,
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  return {
    settings,
    disk: s3Disk(settings),
    directory,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
