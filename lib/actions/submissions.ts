import type { Tx } from "../db/client";
import { msg } from "../i18n/msg";

// A double click, or two posts of one filled-in form racing, must do the work once: the button being
// disabled while pending is not enough (both posts can leave before it is). Each filled-in form sends a
// random key (components/ui/use-form-action.ts); the guard claims it before the work and gives it back
// when the work is refused or fails, so a corrected resubmission goes through.

/** The form field that carries the key; never part of a form's own input. */
export const SUBMISSION_FIELD = "$submission";

/** What a repeat of a submission that already did its work answers (the form keeps the first answer). */
export const ALREADY_SUBMITTED = msg("Server.alreadySubmitted");

/** How long a claimed key is remembered: far longer than any retry of one filled-in form. */
const KEEP_MS = 24 * 60 * 60 * 1000;

// A key the client made (crypto random, 16 to 64 of these characters); anything else is ignored.
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** The form's submission key, or null when it sent none (or a malformed one). */
export function submissionKey(formData: FormData): string | null {
  const value = formData.get(SUBMISSION_FIELD);
  return typeof value === "string" && KEY.test(value) ? value : null;
}

/**
 * Claims `key` for `who` (a user id, or "anyone" for public forms): true the first time, false for
 * every repeat while it is remembered. One INSERT with ON CONFLICT: two posts at once cannot both win.
 */
export async function claimSubmission(db: Tx, who: string, key: string): Promise<boolean> {
  await db.formSubmission.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  const rows = await db.$executeRaw`INSERT INTO "FormSubmission" ("key") VALUES (${`${who}:${key}`}) ON CONFLICT ("key") DO NOTHING`;
  return rows === 1;
}

/** Gives a claimed key back (its work was refused or failed): the same filled-in form may be sent again. */
export async function releaseSubmission(db: Tx, who: string, key: string): Promise<void> {
  await db.formSubmission.deleteMany({ where: { key: `${who}:${key}` } });
}
