import Papa from "papaparse";
import { LOCALES } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { FILE_TOO_BIG, MAX_IMPORT_BYTES } from "./limits";

export { MAX_IMPORT_BYTES };
export const MAX_IMPORT_ROWS = 20_000;
/** More columns than any real template: a header beyond this is refused before it is parsed. */
export const MAX_IMPORT_COLUMNS = 100;

export const REQUIRED_COLUMNS = [
  "username",
  "first_name",
  "last_name",
  "email",
  "programme",
  "startdate",
  "primary_coach",
  "timezone",
] as const;
export const OPTIONAL_COLUMNS = ["tag", "language"] as const;
export const COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type Column = (typeof COLUMNS)[number];
export type RawRow = Record<Column, string>;

export class ImportFileError extends Error {}

/** The template admins download: instructions as # comments (skipped on upload), the header, an example row. */
export const TEMPLATE = [
  "# Pathwise user import. Lines starting with # are ignored. One person per row; keep the header row.",
  "# username: the person's sign-in email (the same as email). first_name, last_name: their names.",
  "# email: where the invitation goes. programme: the exact name of an existing programme.",
  "# startdate: DD-MM-YYYY, for example 01-03-2026. primary_coach: the username (email) of an active coach.",
  `# timezone: an IANA time zone such as Europe/London. tag: optional, one label for the pathway. language: optional, ${LOCALES.join(", ")} (else the organisation's).`,
  COLUMNS.join(","),
  "ada.lovelace@example.com,Ada,Lovelace,ada.lovelace@example.com,Leadership Essentials,01-03-2026,coach1@acme.test,Europe/London,pilot,en",
].join("\r\n");

/**
 * Reads an uploaded CSV into rows keyed by column. Accepts UTF-8 with or without a BOM, CRLF or LF,
 * comma or semicolon (detected), quoted fields with delimiters and line breaks inside, headers in any
 * case with spaces around them, and the optional column left out. A file that is too big, empty,
 * binary, or without the required headers is refused whole with one message.
 */
export function parseImportFile(bytes: Uint8Array): { rows: RawRow[]; unknownColumns: string[]; firstLine: number } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError(FILE_TOO_BIG);
  if (bytes.byteLength === 0) throw new ImportFileError(msg("Imports.server.fileEmpty"));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError(msg("Imports.server.notUtf8"));
  }
  // A NUL character never appears in a text CSV: a binary file that happens to be valid UTF-8.
  if (text.includes("\u0000")) throw new ImportFileError(msg("Imports.server.notCsv"));
  // The header line, found cheaply first: a file with thousands of columns is refused before papaparse
  // spends seconds on it.
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/, 200);
  const leading = lines.findIndex((l) => l.trim() !== "" && !l.startsWith("#"));
  const headerLine = leading >= 0 ? lines[leading] : "";
  if ((headerLine.match(/[,;]/g)?.length ?? 0) >= MAX_IMPORT_COLUMNS) {
    throw new ImportFileError(msg("Imports.server.tooManyColumns", { max: MAX_IMPORT_COLUMNS, count: COLUMNS.length }));
  }
  if (headerLine.includes("\t") && !/[,;]/.test(headerLine)) {
    throw new ImportFileError(msg("Imports.server.tabs"));
  }
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    comments: "#",
    delimitersToGuess: [",", ";"],
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  if (headers.length === 0 || parsed.data.length === 0) throw new ImportFileError(msg("Imports.server.noRows"));
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length) throw new ImportFileError(msg("Imports.server.missingColumns", { columns: missing.join(", ") }));
  if (parsed.data.length > MAX_IMPORT_ROWS)
    throw new ImportFileError(msg("Imports.server.tooManyRows", { rows: parsed.data.length, max: MAX_IMPORT_ROWS }));
  const unclosed = parsed.errors.find((e) => e.type === "Quotes");
  if (unclosed) {
    throw new ImportFileError(msg("Imports.server.unclosedQuote"));
  }
  const unknownColumns = headers.filter((h) => h && !(COLUMNS as readonly string[]).includes(h)).slice(0, 20);
  const rows = parsed.data.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, (r[c] ?? "").trim()])) as RawRow);
  // Spreadsheet line of the first person: after any # lines and blank lines above the header, and the header.
  return { rows, unknownColumns, firstLine: leading + 2 };
}
