import { fileTypeFromBuffer } from "file-type";
import { msg } from "../i18n/msg";

// What a file is, decided from its bytes, never from its name or the browser's word: file-type reads the
// first bytes (SNIFF_BYTES, enough for an Office document's first zip entries) and the result must be on
// the allow-list of what coaches and coachees exchange. Plain text has no magic number: it is accepted
// only with a .txt, .csv or .md name, as UTF-8 without NUL (checked over every byte by TextCheck) that
// does not open like HTML, SVG or XML. Programs and scripts, web pages and SVG are refused by name.

export const SNIFF_BYTES = 64 * 1024;

/** The allowed types by file-type's extension: the MIME type stored and served, and the type's name in lists (a message). */
export const ALLOWED_TYPES: Record<string, { mime: string; label: string }> = {
  pdf: { mime: "application/pdf", label: msg("Files.server.types.pdf") },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: msg("Files.server.types.docx") },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: msg("Files.server.types.xlsx") },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", label: msg("Files.server.types.pptx") },
  odt: { mime: "application/vnd.oasis.opendocument.text", label: msg("Files.server.types.odt") },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", label: msg("Files.server.types.ods") },
  odp: { mime: "application/vnd.oasis.opendocument.presentation", label: msg("Files.server.types.odp") },
  png: { mime: "image/png", label: msg("Files.server.types.png") },
  jpg: { mime: "image/jpeg", label: msg("Files.server.types.jpg") },
  gif: { mime: "image/gif", label: msg("Files.server.types.gif") },
  webp: { mime: "image/webp", label: msg("Files.server.types.webp") },
  heic: { mime: "image/heic", label: msg("Files.server.types.heic") },
  mp3: { mime: "audio/mpeg", label: msg("Files.server.types.mp3") },
  m4a: { mime: "audio/mp4", label: msg("Files.server.types.m4a") },
  wav: { mime: "audio/wav", label: msg("Files.server.types.wav") },
  ogg: { mime: "audio/ogg", label: msg("Files.server.types.ogg") },
  oga: { mime: "audio/ogg", label: msg("Files.server.types.ogg") },
  opus: { mime: "audio/ogg", label: msg("Files.server.types.ogg") },
  mp4: { mime: "video/mp4", label: msg("Files.server.types.mp4") },
  m4v: { mime: "video/mp4", label: msg("Files.server.types.mp4") },
  mov: { mime: "video/quicktime", label: msg("Files.server.types.mov") },
  webm: { mime: "video/webm", label: msg("Files.server.types.webm") },
};

export const TEXT_TYPES: Record<string, { mime: string; label: string }> = {
  txt: { mime: "text/plain", label: msg("Files.server.types.txt") },
  csv: { mime: "text/csv", label: msg("Files.server.types.csv") },
  md: { mime: "text/markdown", label: msg("Files.server.types.md") },
};

/** Images a browser may show inline for a preview (served with a sandbox policy, never as a page). */
export const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** What may be uploaded, in the reader's words (the upload form's hint). */
export const ALLOWED_SUMMARY = msg("Files.server.allowed");

export const REFUSED_PROGRAM = msg("Files.server.refusedProgram");
export const REFUSED_WEB_PAGE = msg("Files.server.refusedWebPage");
export const REFUSED_TYPE = msg("Files.server.refusedType");
export const REFUSED_TEXT = msg("Files.server.refusedText");
export const REFUSED_EMPTY = msg("Files.server.refusedEmpty");

/** A label for a stored MIME type (the list's Type column): a message, or the MIME type itself. */
export function typeLabel(mime: string): string {
  for (const t of [...Object.values(ALLOWED_TYPES), ...Object.values(TEXT_TYPES)]) if (t.mime === mime) return t.label;
  return mime;
}

/** Extensions file-type gives for programs, installers and packages of them. */
const PROGRAM_TYPES = new Set([
  "exe",
  "elf",
  "macho",
  "wasm",
  "class",
  "dex",
  "msi",
  "apk",
  "jar",
  "deb",
  "rpm",
  "dmg",
  "xpi",
  "crx",
  "lnk",
  "cfb",
]);

function startsWith(bytes: Uint8Array, ...magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** ELF, Windows (MZ), Mach-O (both byte orders, 32/64-bit, universal) and `#!` scripts. */
export function isProgram(head: Uint8Array): boolean {
  return (
    startsWith(head, 0x7f, 0x45, 0x4c, 0x46) ||
    startsWith(head, 0x4d, 0x5a) ||
    startsWith(head, 0xfe, 0xed, 0xfa, 0xce) ||
    startsWith(head, 0xfe, 0xed, 0xfa, 0xcf) ||
    startsWith(head, 0xce, 0xfa, 0xed, 0xfe) ||
    startsWith(head, 0xcf, 0xfa, 0xed, 0xfe) ||
    startsWith(head, 0xca, 0xfe, 0xba, 0xbe) ||
    startsWith(head, 0x23, 0x21)
  );
}

/** Opens with `<` after any byte-order mark and white space: HTML, SVG, XML. */
export function looksLikeMarkup(head: Uint8Array): boolean {
  let i = startsWith(head, 0xef, 0xbb, 0xbf) ? 3 : startsWith(head, 0xfe, 0xff) || startsWith(head, 0xff, 0xfe) ? 2 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x0c || head[i] === 0)
  )
    i++;
  return head[i] === 0x3c;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** What a file is: its MIME type, whether it is plain text, and its type's usual extension. */
export type Sniffed = { mime: string; text: boolean; ext: string };

export class FileRefusedError extends Error {}

/** What the file is from its first bytes, or FileRefusedError with the message to show. */
export async function sniff(head: Uint8Array, name: string): Promise<Sniffed> {
  if (head.length === 0) throw new FileRefusedError(REFUSED_EMPTY);
  if (isProgram(head)) throw new FileRefusedError(REFUSED_PROGRAM);
  if (looksLikeMarkup(head)) throw new FileRefusedError(REFUSED_WEB_PAGE);
  const found = await fileTypeFromBuffer(head);
  if (found) {
    if (PROGRAM_TYPES.has(found.ext)) throw new FileRefusedError(REFUSED_PROGRAM);
    if (found.ext === "xml" || found.ext === "html" || found.ext === "svg") throw new FileRefusedError(REFUSED_WEB_PAGE);
    const allowed = ALLOWED_TYPES[found.ext];
    if (!allowed) throw new FileRefusedError(REFUSED_TYPE);
    return { mime: allowed.mime, text: false, ext: found.ext };
  }
  const text = TEXT_TYPES[extensionOf(name)];
  if (!text) throw new FileRefusedError(REFUSED_TYPE);
  return { mime: text.mime, text: true, ext: extensionOf(name) };
}

/** Other names a type goes by besides ALLOWED_TYPES' own. */
const MORE_EXTENSIONS: Record<string, readonly string[]> = {
  "image/jpeg": ["jpeg", "jpe"],
  "image/heic": ["heif"],
  "video/quicktime": ["qt"],
};

/**
 * The name a file is kept and downloaded under: the uploader's, with the sniffed type's extension added
 * when the name does not already end in one of that type's, so what the bytes are decides what a
 * computer opens it with: "report.html" that is a PDF becomes "report.html.pdf", never a web page.
 */
export function nameWithType(name: string, sniffed: Sniffed): string {
  const fits = Object.entries(ALLOWED_TYPES)
    .filter(([, type]) => type.mime === sniffed.mime)
    .map(([ext]) => ext)
    .concat(MORE_EXTENSIONS[sniffed.mime] ?? []);
  return sniffed.text || fits.includes(extensionOf(name)) ? name : `${name}.${sniffed.ext}`;
}

/** Checks a text file's bytes as they stream by: valid UTF-8 (split characters across chunks allowed), no NUL. */
export class TextCheck {
  #decoder = new TextDecoder("utf-8", { fatal: true });

  push(chunk: Uint8Array): void {
    if (chunk.includes(0)) throw new FileRefusedError(REFUSED_TEXT);
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileRefusedError(REFUSED_TEXT);
    }
  }

  end(): void {
    try {
      this.#decoder.decode();
    } catch {
      throw new FileRefusedError(REFUSED_TEXT);
    }
  }
}
