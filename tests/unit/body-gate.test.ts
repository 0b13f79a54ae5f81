import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GATE_FIELDS_MAX, LINGER_MAX_BYTES, gateBody, gatesBody, sendTooLarge } from "../../lib/web/body-gate";
import { ACTION_BODY_MAX_BYTES, FORM_TOO_LARGE_TEXT as FORM_TOO_LARGE } from "../../lib/web/request-bounds";

// The body gate on a real HTTP server and real sockets: what passes reaches the reader byte for byte,
// what is past a bound is answered 413 before anyone reads it, however the client cuts the body up.

let server: Server;
let base: string;
/** How many bodies reached the "application" behind the gate. */
let reached = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const read = async () => {
      reached++;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      res.writeHead(200, { "Content-Type": "text/plain" }).end(`${body.length}:${body.toString("latin1").slice(-40)}`);
    };
    if (!gatesBody(req)) return void read();
    gateBody(
      req,
      () => void read(),
      (close) => sendTooLarge(res, { "X-Content-Type-Options": "nosniff" }, FORM_TOO_LARGE, close),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** Posts `pieces` one write each (chunked unless a length is given), as a client that streams would. */
function post(path: string, headers: Record<string, string>, pieces: Buffer[], length?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: "POST",
      headers: { ...headers, ...(length !== undefined ? { "Content-Length": String(length) } : {}) },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    // The server may answer and stop reading before the last piece: that is the point, not a failure.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    const write = (i: number) => {
      if (i === pieces.length) return void req.end();
      req.write(pieces[i], () => write(i + 1));
    };
    write(0);
  });
}

const BOUNDARY = "----formdata-gate-test";
const MULTIPART = { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, "Next-Action": "abc" };
function multipart(fields: number, value = "v"): Buffer {
  const parts = Array.from(
    { length: fields },
    (_, i) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${value}\r\n`,
  );
  return Buffer.from(`${parts.join("")}--${BOUNDARY}--\r\n`, "latin1");
}
/** `body` cut into pieces of `size` bytes, so delimiters fall across the cuts. */
const cut = (body: Buffer, size: number) =>
  Array.from({ length: Math.ceil(body.length / size) }, (_, i) => body.subarray(i * size, (i + 1) * size));

describe("the body gate", () => {
  it("hands a form within the bounds to its reader whole, however it was cut up (positive control)", async () => {
    const before = reached;
    // The largest form of ours: every field it may have, each delimiter split by 7-byte pieces somewhere.
    const body = multipart(GATE_FIELDS_MAX - 1);
    const answer = await post("/acme/coachees/groups/new", MULTIPART, cut(body, 7));
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(`${body.length}:${body.toString("latin1").slice(-40)}`);
    const urlencoded = Buffer.from(Array.from({ length: 100 }, (_, i) => `f${i}=${i}`).join("&"));
    const form = await post("/forgot-password", { "Content-Type": "application/x-www-form-urlencoded" }, [urlencoded], urlencoded.length);
    expect(form.body).toBe(`${urlencoded.length}:${urlencoded.toString().slice(-40)}`);
    expect(reached - before).toBe(2);
  });

  it("refuses more fields than any form of ours, in pieces or whole, multipart or urlencoded, before anyone reads them", async () => {
    const before = reached;
    const marker = "do-not-echo-me";
    for (const [what, answer] of [
      ["multipart in 7-byte pieces", await post("/forgot-password", MULTIPART, cut(multipart(GATE_FIELDS_MAX + 1, marker), 7))],
      ["multipart, 8,000 fields at once", await post("/forgot-password", MULTIPART, [multipart(8_000, marker)])],
      [
        "urlencoded",
        await post("/forgot-password", { "Content-Type": "application/x-www-form-urlencoded" }, [
          Buffer.from(Array.from({ length: GATE_FIELDS_MAX + 1 }, (_, i) => `${marker}${i}=1`).join("&")),
        ]),
      ],
    ] as const) {
      expect(answer.status, what).toBe(413);
      expect(JSON.parse(answer.body), what).toEqual({ ok: false, error: FORM_TOO_LARGE });
      expect(answer.body, what).not.toContain(marker);
      expect(answer.headers["x-content-type-options"], what).toBe("nosniff");
      // The rest of the body is dropped as it arrives, so the client reads this answer, and the connection stays open.
      expect(answer.headers.connection, what).not.toBe("close");
    }
    expect(reached).toBe(before);
  });

  it("refuses a body past the byte limit whether or not it states its length; other bodies pass by", async () => {
    const before = reached;
    const big = Buffer.alloc(ACTION_BODY_MAX_BYTES + 1, "a");
    // Chunked: no length said, counted as it arrives.
    const chunked = await post(
      "/forgot-password",
      { "Content-Type": "text/plain;charset=UTF-8", "Next-Action": "abc" },
      cut(big, 64 * 1024),
    );
    expect(chunked.status).toBe(413);
    // Stated: refused before a byte is read.
    const stated = await post("/forgot-password", { "Content-Type": "text/plain;charset=UTF-8", "Next-Action": "abc" }, [big], big.length);
    expect(stated.status).toBe(413);
    expect(stated.headers.connection).not.toBe("close");
    // Stated longer than the gate reads of a refused body: answered, and the connection closed with it.
    const huge = await post(
      "/forgot-password",
      { "Content-Type": "text/plain;charset=UTF-8", "Next-Action": "abc" },
      [big],
      LINGER_MAX_BYTES + 1,
    );
    expect(huge.status).toBe(413);
    expect(huge.headers.connection).toBe("close");
    expect(reached).toBe(before);
    // An upload (its own route, its own bounds) and a post that is not a form are not the gate's.
    const upload = await post("/acme/files/upload", { "Content-Type": "application/octet-stream" }, cut(big, 64 * 1024));
    expect(upload.status).toBe(200);
    expect(upload.body.startsWith(`${big.length}:`)).toBe(true);
    // After the refusals the server goes on serving.
    const again = await post("/forgot-password", MULTIPART, [multipart(3)]);
    expect(again.status).toBe(200);
  });
});
