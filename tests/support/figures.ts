import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// Security figures the suite reports (cross-tenant attempts, leaks, matrix cells, ...): each test
// appends what it measured; `npm test` sums them into one summary line.
const FILE = path.resolve(".data/test-results/figures.jsonl");

export function recordFigures(source: string, figures: Record<string, number>): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify({ source, ...figures })}\n`);
}

/** Left by a run that fell back to the embedded database (tests/support/postgres.ts), for the summary. */
export const EMBEDDED_MARKER = path.resolve(".data/test-results/embedded-database");

export function markEmbedded(): void {
  mkdirSync(path.dirname(EMBEDDED_MARKER), { recursive: true });
  writeFileSync(EMBEDDED_MARKER, "this run fell back to the embedded database (PGlite)\n");
}

/**
 * Figures only a real PostgreSQL can give: what racing transactions did, and timings. The embedded
 * database serves one connection at a time, so where the suite fell back to it these measured nothing,
 * and the summary leaves them out and says so.
 */
export const RACE_FIGURES =
  /^(?:concurrent|parallel|duplicate|double|timed|timingSelfChecks$|seatLimitBreaches$|threadsMade$|staleRollups$|coalescedBursts$|burstsTried$)/;
