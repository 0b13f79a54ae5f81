import { expect } from "vitest";
import { ValidationError } from "../../lib/errors";
import { english } from "./english";

// Apart from ./english.ts, which Playwright's specs load too: this one needs vitest.
/** A refused form's field messages, as an English reader reads them. */
export async function englishFieldErrors(work: Promise<unknown>): Promise<Record<string, string[]>> {
  const refused = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(ValidationError);
  return english((refused as ValidationError).fieldErrors);
}
