import type { z } from "zod";
import { memberActor, type Actor } from "../authz/actor";
import { canAny, type Permission } from "../authz/permissions";
import type { Member } from "../auth/member";
import type { CurrentUser } from "../auth/session";
import { env } from "../env";
import { db } from "../db/client";
import { CHECK_FIELDS, isExpectedError, ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { addressBucket, hitRateLimit, LIMITS } from "../security/rate-limit";
import { FORM_FIELDS_MAX } from "../web/request-bounds";
import { ALREADY_SUBMITTED, claimSubmission, releaseSubmission, SUBMISSION_FIELD, submissionKey } from "./submissions";

// The guard every server action and route handler goes through, without Next: it takes the facts of
// the request (./action.ts reads them from Next's headers and session), so tests run it as it is.

/**
 * What every server action returns: the one shape forms render with useActionState. `duplicate`: a
 * repeat of a submission that already did its work (the form keeps showing the first answer). `keep`: a
 * success that leaves the form as filled in (a check before sending, a draft saved), where a form
 * otherwise clears once it succeeds.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string; duplicate?: true; keep?: boolean }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

export type Refusal = { ok: false; error: string };

export const GENERIC_ERROR = msg("Server.somethingWrong");
export const SESSION_ENDED = msg("Server.sessionEnded");
export const REQUEST_REFUSED = msg("Server.requestRefused");
export const NOT_FOUND = msg("Server.notFound");
export const NO_PERMISSION = msg("Server.noPermission");
export const FORM_TOO_LARGE = msg("Server.formTooLarge");

/** The facts of one request that the guard decides on. */
export type RequestFacts = {
  /** The request's Origin header, as sent (null when absent). */
  origin: string | null;
  /** The client's address as the server resolved it from the connection (lib/security/client-address.ts). */
  clientAddress: string | null;
  currentUser: () => Promise<CurrentUser | null>;
  /** The signed-in user's live membership in the organisation with this slug. */
  currentMember: (orgSlug: string) => Promise<Member | null>;
  /** Lets the framework's control flow (redirect, notFound) through instead of reporting it as a failure. */
  rethrow?: (error: unknown) => void;
};

// Next compares Origin with Host for server actions but lets a request with no Origin through; we
// accept only our own configured origin, so a missing, `null` or foreign Origin is refused.
export function sameOrigin(facts: Pick<RequestFacts, "origin">): boolean {
  return facts.origin !== null && facts.origin === new URL(env().APP_URL).origin;
}

export type Guarded = { ok: true; actor: Actor; member: Member } | { ok: false; refusal: Refusal; status: 401 | 403 | 404 };

/** The permission an action or route needs; a list means any one of them (like a NavItem's). */
export type Needs = Permission | readonly Permission[];

/**
 * Origin (for anything that changes data), session, membership of the organisation named by the slug,
 * the permission (any one of a list). A non-member learns nothing: another organisation answers like a missing one.
 */
export async function guardMember(facts: RequestFacts, orgSlug: string, permission: Needs, { checkOrigin = true } = {}): Promise<Guarded> {
  if (checkOrigin && !sameOrigin(facts)) return { ok: false, refusal: { ok: false, error: REQUEST_REFUSED }, status: 403 };
  const member = await facts.currentMember(orgSlug);
  if (!member)
    return (await facts.currentUser())
      ? { ok: false, refusal: { ok: false, error: NOT_FOUND }, status: 404 }
      : { ok: false, refusal: { ok: false, error: SESSION_ENDED }, status: 401 };
  if (!canAny(member.role, permission)) return { ok: false, refusal: { ok: false, error: NO_PERMISSION }, status: 403 };
  return { ok: true, actor: memberActor(member, facts.clientAddress), member };
}

/** Any failure as the one error shape: expected errors with their message, anything else generic and logged. */
export function toResult(error: unknown, rethrow?: (error: unknown) => void): ActionResult<never> {
  rethrow?.(error);
  if (error instanceof ValidationError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (isExpectedError(error)) return { ok: false, error: error.message };
  console.error("[action] unexpected error", error);
  return { ok: false, error: GENERIC_ERROR };
}

/** Runs `work`, answering its failures in the one error shape. */
export async function settle<T>(work: () => Promise<ActionResult<T> | void>, rethrow?: (error: unknown) => void): Promise<ActionResult<T>> {
  try {
    return (await work()) ?? { ok: true };
  } catch (error) {
    return toResult(error, rethrow);
  }
}

/**
 * A form with more fields than FORM_FIELDS_MAX, refused before any field is read: counting stops one
 * past the cap, so a flood of fields costs no more than the largest real form.
 */
export function formTooLarge(formData: FormData): Refusal | null {
  let count = 0;
  for (const _key of formData.keys()) if (++count > FORM_FIELDS_MAX) return { ok: false, error: FORM_TOO_LARGE };
  return null;
}

// Zod names every unexpected key in its message: a refusal would echo what was sent.
const UNEXPECTED_FIELDS = msg("Server.unexpectedFields");

/**
 * What zod says where a schema gave no message of its own (a field missing from a forged form, a
 * number out of range): a message key like every other answer, never zod's English.
 */
const zodMessage: z.core.$ZodErrorMap = (issue) => {
  const text = issue.origin === "string" || issue.origin === "array";
  if (issue.code === "too_big")
    return text ? msg("Server.input.tooLong", { max: Number(issue.maximum) }) : msg("Server.input.tooBig", { max: Number(issue.maximum) });
  if (issue.code === "too_small")
    return text && Number(issue.minimum) <= 1
      ? msg("Server.input.required")
      : msg(text ? "Server.input.tooShort" : "Server.input.tooSmall", { min: Number(issue.minimum) });
  if (issue.code === "invalid_format") return msg("Server.input.format");
  return msg("Server.input.invalid");
};

/** A form's fields through its schema, read in one pass; bad input throws a ValidationError with a message per field. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.infer<S> {
  const tooLarge = formTooLarge(formData);
  if (tooLarge) throw new ValidationError(tooLarge.error);
  const fields = new Map<string, unknown[]>();
  for (const [key, value] of formData) {
    if (key.startsWith("$ACTION") || key === "org" || key === SUBMISSION_FIELD) continue;
    // NUL is never typed, and PostgreSQL refuses it in text (an error deep in a query): dropped here,
    // once for every form.
    const clean = typeof value === "string" ? value.replaceAll("\u0000", "") : value;
    const values = fields.get(key);
    if (values) values.push(clean);
    else fields.set(key, [clean]);
  }
  const raw = Object.fromEntries([...fields].map(([key, values]) => [key, values.length > 1 ? values : values[0]]));
  const result = schema.safeParse(raw, { error: zodMessage });
  if (!result.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "form");
      (fieldErrors[field] ??= []).push(issue.code === "unrecognized_keys" ? UNEXPECTED_FIELDS : issue.message);
    }
    throw new ValidationError(CHECK_FIELDS, fieldErrors);
  }
  return result.data;
}

/**
 * Runs `work` once per submission key the form sent (./submissions.ts): a repeat answers ALREADY_SUBMITTED
 * without working. The key is given back when the work is refused or fails (not when it redirects: that
 * is Next's way of succeeding), so the same filled-in form, corrected, can be sent again.
 */
async function once<T>(
  formData: FormData,
  who: string,
  rethrow: ((error: unknown) => void) | undefined,
  work: () => Promise<ActionResult<T> | void>,
): Promise<ActionResult<T> | void> {
  const key = submissionKey(formData);
  if (key === null) return work();
  if (!(await claimSubmission(db(), who, key))) return { ok: true, message: ALREADY_SUBMITTED, duplicate: true };
  let keep = false;
  try {
    const result = await work();
    keep = !result || result.ok;
    return result;
  } catch (error) {
    try {
      rethrow?.(error);
    } catch {
      keep = true;
    }
    throw error;
  } finally {
    if (!keep) await releaseSubmission(db(), who, key);
  }
}

type Run<S extends z.ZodType, C, T> = (ctx: C, input: z.infer<S>) => Promise<ActionResult<T> | void>;

/**
 * A member's server action on the organisation named by the form's `org` field: origin, session,
 * membership, the permission, input parsing, then `run`.
 */
export function runMemberAction<S extends z.ZodType, T>(
  facts: RequestFacts,
  permission: Needs,
  schema: S,
  run: Run<S, Actor, T>,
  formData: FormData,
): Promise<ActionResult<T>> {
  return settle(async () => {
    const tooLarge = formTooLarge(formData);
    if (tooLarge) return tooLarge;
    const guard = await guardMember(facts, String(formData.get("org") ?? ""), permission);
    if (!guard.ok) return guard.refusal;
    const input = parseForm(schema, formData);
    return once(formData, guard.member.user.id, facts.rethrow, () => run(guard.actor, input));
  }, facts.rethrow);
}

/** A signed-in user's server action about their own account: origin, session, parsing, then `run`. */
export function runUserAction<S extends z.ZodType, T>(
  facts: RequestFacts,
  schema: S,
  run: Run<S, CurrentUser, T>,
  formData: FormData,
): Promise<ActionResult<T>> {
  return settle(async () => {
    const tooLarge = formTooLarge(formData);
    if (tooLarge) return tooLarge;
    if (!sameOrigin(facts)) return { ok: false, error: REQUEST_REFUSED };
    const user = await facts.currentUser();
    if (!user) return { ok: false, error: SESSION_ENDED };
    const input = parseForm(schema, formData);
    return once(formData, user.id, facts.rethrow, () => run(user, input));
  }, facts.rethrow);
}

/**
 * Whether an anonymous post of a public form may claim its submission key. Public forms keep the claim,
 * since their double submit is not harmless: two reset links (the first one dead), two sign-up links,
 * an invitation or sign-up link accepted and then answered "no longer valid" over the success. But a
 * stranger can post them with a fresh key each time, so the claims are counted per client address
 * (IPv6 by /64; an unknown address shares one bucket, which is safe because going past the limit costs
 * only the double-submit guard, never the form itself): FormSubmission then grows with the addresses
 * posting, at most the limit each per window, not with the posts.
 */
async function mayClaimAnonymously(formData: FormData, clientAddress: string | null): Promise<boolean> {
  if (submissionKey(formData) === null) return false;
  const bucket = addressBucket(clientAddress) ?? "unknown";
  return hitRateLimit(db(), `submission:address:${bucket}`, LIMITS.publicSubmissionsPerAddress);
}

/** A server action anyone may call (sign-up, password reset): origin, parsing, then `run`. */
export function runPublicAction<S extends z.ZodType, T>(
  facts: Pick<RequestFacts, "origin" | "clientAddress" | "rethrow">,
  schema: S,
  run: (input: z.infer<S>, ip: string | null) => Promise<ActionResult<T> | void>,
  formData: FormData,
): Promise<ActionResult<T>> {
  return settle(async () => {
    const tooLarge = formTooLarge(formData);
    if (tooLarge) return tooLarge;
    if (!sameOrigin(facts)) return { ok: false, error: REQUEST_REFUSED };
    const input = parseForm(schema, formData);
    const work = () => run(input, facts.clientAddress);
    return (await mayClaimAnonymously(formData, facts.clientAddress)) ? once(formData, "anyone", facts.rethrow, work) : work();
  }, facts.rethrow);
}
