import type { IncomingMessage, ServerResponse } from "node:http";
import { ACTION_BODY_MAX_BYTES, FORM_FIELDS_MAX } from "./request-bounds";

// The app server's first look at a form's body (scripts/serve.ts), before Next reads a byte of it.
//
// Next parses a server action's whole body (every multipart part, every field) before the actions'
// guard can count its fields, so a stranger's 8,000-field post cost seconds of parsing, and eight at
// once stalled every page for everyone (issue 22). Here the body is counted as it arrives off the
// socket: its bytes, and its fields (multipart boundaries, or `&`s). Past either bound the request is
// answered 413 at once and the rest of the body is dropped as it arrives, unparsed (see LINGER_MAX_BYTES);
// within them, the bytes (at most
// ACTION_BODY_MAX_BYTES, held in memory) are handed to Next as if they had just arrived. A body sent
// without a Content-Length (chunked) meets the same bound, where Next's own limit answered 500.
//
// The count is coarse on purpose: it counts Next's own framing parts too, so it allows FRAMING_PARTS
// more than the guard (lib/actions/core.ts), which counts the form's own fields exactly and answers
// with the form's message. This gate only has to stop what no form of ours can send, cheaply.

/** Parts a server action's body carries besides the form's fields: Next's action id, React's references. */
const FRAMING_PARTS = 50;
export const GATE_FIELDS_MAX = FORM_FIELDS_MAX + FRAMING_PARTS;

/**
 * How much of a refused request the gate still reads, and drops, after answering it. A client still
 * sending when the answer arrives (a browser posting a form that is too large) only gets to read the 413
 * if its connection is not closed under it: closing then resets the connection and the client shows a
 * network error instead of our message (nginx's "lingering close" is the same fix). Reading and dropping
 * is cheap next to parsing, but not free, so a request that says it is longer than this, or turns out to
 * be, has its connection closed with the answer.
 */
export const LINGER_MAX_BYTES = 2 * ACTION_BODY_MAX_BYTES;

// Route handlers that take bodies of their own, with their own bounds (uploads are streamed to storage
// and may be far larger than a form); next-auth's sign-in post is small and passes the gate.
const OWN_BODY_ROUTES = /^\/[^/]+\/(?:files\/upload|imports\/upload|notes\/autosave)$/;

const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

/** Whether the gate reads this request's body first: a post of a form (or an action call) to a page. */
export function gatesBody(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const path = (req.url ?? "/").split("?")[0];
  if (OWN_BODY_ROUTES.test(path)) return false;
  return req.headers["next-action"] !== undefined || FORM_TYPES.test(req.headers["content-type"] ?? "");
}

type Push = IncomingMessage["push"];

/**
 * Holds `req`'s body back from its readers while counting it; calls `pass` once the whole body arrived
 * within the bounds (the body then reads as usual), or `refuse` as soon as it passes one (the rest is
 * discarded as it arrives). `declared` states the body's length when the client said it.
 */
export function gateBody(req: IncomingMessage, pass: () => void, refuse: (close: boolean) => void): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > ACTION_BODY_MAX_BYTES) return refuseNow(req, refuse, declared, 0);
  const count = fieldCounter(req.headers["content-type"] ?? "");
  const held: Buffer[] = [];
  let bytes = 0;
  const push: Push = req.push;
  // Node's HTTP parser hands each piece of the body to the request's push(); until the body is whole it
  // lands here instead of in the stream, so nothing downstream has read (or can read) any of it.
  req.push = function (this: IncomingMessage, chunk: Buffer | null, encoding?: BufferEncoding) {
    if (chunk === null) {
      req.push = push;
      for (const piece of held) push.call(req, piece);
      held.length = 0;
      const ended = push.call(req, null, encoding);
      pass();
      return ended;
    }
    bytes += chunk.length;
    if (bytes > ACTION_BODY_MAX_BYTES || count(chunk) > GATE_FIELDS_MAX) {
      req.push = push;
      held.length = 0;
      refuseNow(req, refuse, declared, bytes);
      return true;
    }
    held.push(chunk);
    return true;
  } as Push;
}

// The answer goes out now. What the client still sends is read and dropped, up to LINGER_MAX_BYTES in
// all, so it can read the answer; a request longer than that has its connection closed with the answer.
function refuseNow(req: IncomingMessage, refuse: (close: boolean) => void, declared: number, read: number) {
  if (declared > LINGER_MAX_BYTES) {
    refuse(true);
    req.socket.end();
    return;
  }
  refuse(false);
  req.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read > LINGER_MAX_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** A running count of a body's fields, chunk by chunk: multipart boundaries, else `&`-separated pairs. */
function fieldCounter(contentType: string): (chunk: Buffer) => number {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  let fields = 0;
  // An action called with arguments rather than a form sends them as one text body: bytes bound it.
  if (!/^(?:multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) return () => 0;
  if (!boundary) {
    let seen = false;
    return (chunk) => {
      for (let at = chunk.indexOf(0x26); at !== -1; at = chunk.indexOf(0x26, at + 1)) fields++;
      // The first field has no "&" before it.
      if (!seen && chunk.length) {
        seen = true;
        fields++;
      }
      return fields;
    };
  }
  // A delimiter may be split across two chunks: the tail of the last one is searched again with the next.
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`, "latin1");
  let tail: Buffer = Buffer.alloc(0);
  return (chunk) => {
    const text: Buffer = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, at + delimiter.length)) fields++;
    tail = text.subarray(Math.max(0, text.length - delimiter.length + 1));
    return fields;
  };
}

/**
 * The gate's refusal: the actions' JSON shape, as the proxy answers a body it can see is too large;
 * `close` says the connection ends with it.
 */
export function sendTooLarge(res: ServerResponse, headers: Record<string, string>, error: string, close: boolean): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ ok: false, error });
  const connection: Record<string, string> = close ? { Connection: "close" } : {};
  res.writeHead(413, { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...connection });
  res.end(body);
}
