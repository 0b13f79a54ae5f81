/**
 * Text for Prisma's `contains` / `startsWith` / `endsWith`, which become LIKE patterns on PostgreSQL
 * without escaping: `%` and `_` would be wildcards ("%" matching everyone). PostgreSQL's LIKE escapes
 * with a backslash by default, so the backslash itself is escaped too.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
