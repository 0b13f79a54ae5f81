// One byte range of a download (RFC 9110 section 14): `bytes=a-b`, `bytes=a-` and `bytes=-n`, so a
// browser or player resumes a large file or seeks in a video. A header this does not understand (another
// unit, a list of ranges, a malformed one) is ignored and the whole file is sent, as the RFC allows.

/** Inclusive byte offsets, as Content-Range states them. */
export type ByteRange = { start: number; end: number };

const ONE_RANGE = /^bytes=(\d*)-(\d*)$/;

/** The range asked for within `size` bytes; null for the whole file; "unsatisfiable" for 416. */
export function byteRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const m = header === null ? null : ONE_RANGE.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    // The last n bytes (a suffix longer than the file is the whole file).
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Number(m[2]);
  if (m[2] !== "" && end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

/** `bytes 0-99/1000`, or `bytes *\/1000` for a 416. */
export function contentRange(range: ByteRange | "unsatisfiable", size: number): string {
  return range === "unsatisfiable" ? `bytes */${size}` : `bytes ${range.start}-${range.end}/${size}`;
}

/** A range that starts past the end of the file (answered 416 with the file's size). */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super("Range not satisfiable");
  }
}
