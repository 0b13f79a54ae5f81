import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

// Security figures the suite reports (cross-tenant attempts, leaks, matrix cells, ...): each test
// appends what it measured; `npm test` sums them into one summary line.
const FILE = path.resolve(".data/test-results/figures.jsonl");

export function recordFigures(source: string, figures: Record<string, number>): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify({ source, ...figures })}\n`);
}
