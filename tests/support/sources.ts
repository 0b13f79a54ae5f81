import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file under the folders whose name matches, as a path from the repository's root. */
export function sourcesUnder(folders: string[], name: RegExp): string[] {
  return folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && name.test(e.name))
      .map((e) => path.join(path.relative(".", e.parentPath), e.name)),
  );
}
