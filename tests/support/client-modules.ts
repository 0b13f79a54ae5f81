import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sourcesUnder } from "./sources";

// The modules that run in the browser: every file that says "use client", and whatever of app/ and
// components/ it imports, and so on (a component without the directive runs on the client when a
// client component imports it).

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : path.join(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

export function clientModules(): Set<string> {
  const found = new Set<string>();
  const queue = sourcesUnder(["app", "components"], /\.tsx?$/).filter((f) => /^["']use client["']/m.test(readFileSync(f, "utf8")));
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from "((?:@\/|\.)[^"]+)"/g)) {
      const target = resolveImport(file, specifier);
      if (target && /^(app|components)\//.test(target)) queue.push(target);
    }
  }
  return found;
}

/** The namespaces a module reads with useTranslations ("" for all of them). */
export function namespacesUsedIn(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/useTranslations\((?:"([^"]*)")?\)/g)].map((m) => m[1] ?? "");
}
