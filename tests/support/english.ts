import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import type { Messages } from "../../lib/i18n/messages";
import { localizeAll, type Translate } from "../../lib/i18n/msg";

// Read from the file rather than imported: Playwright's loader takes no JSON imports, and e2e specs use this too.
const en = JSON.parse(readFileSync("messages/en.json", "utf8")) as Messages;
const t = createTranslator({ locale: "en", messages: en }) as unknown as Translate;

/**
 * What a service or action said, as an English reader reads it (services speak in message keys,
 * lib/i18n/msg.ts): tests compare the words people see.
 */
export const english = <T>(said: T): T => localizeAll(said, t);

/** The English words of an expected error's message. */
export const englishError = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    return english((error as Error).message);
  }
  throw new Error("expected the work to fail");
};

/** What a schema refuses in a value: each problem's field and its English words, or null when it accepts it. */
export const fieldProblems = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error!.issues.map((i) => [i.path.join("."), english(i.message)]);
};
