import Papa from "papaparse";

// A cell starting with = + - @, TAB or CR would run as a formula in a spreadsheet: papaparse prefixes
// it with ' and quotes it. Its own default pattern stops at a line break; this one does not.
const FORMULA = /^[=+\-@\t\r]/;

/** CSV lines for these rows: RFC 4180 quoting, CRLF line ends, formulas neutralised. */
export function csvChunk(rows: unknown[][]): string {
  return `${Papa.unparse(rows, { newline: "\r\n", escapeFormulae: FORMULA })}\r\n`;
}

/** A whole CSV file, UTF-8 with a BOM so that spreadsheets open it as UTF-8. */
export function csvDocument(rows: unknown[][]): string {
  return `\uFEFF${csvChunk(rows)}`;
}
