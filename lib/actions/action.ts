import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "../authz/actor";
import { can, type Permission } from "../authz/permissions";
import { currentMember, memberActor } from "../auth/member";
import { currentUser, type CurrentUser } from "../auth/session";
import { env } from "../env";
import { isExpectedError, ValidationError } from "../errors";
import { clientAddressFrom } from "../security/client-address";

/** What every server action returns: the one shape forms render with useActionState. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

export const GENERIC_ERROR = "Something went wrong. Try again, and tell us if it keeps happening.";
export const SESSION_ENDED = "Your session has ended. Sign in again.";

/** The client's address as the server resolved it from the connection (lib/security/client-address.ts). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}

/** The Host the request was made to (only ever compared with APP_URL's, never used to build a link). */
export async function requestHost(): Promise<string | null> {
  return (await headers()).get("host");
}

// Next compares Origin with Host for server actions but lets a request with no Origin through; we
// accept only our own configured origin, so a missing, `null` or foreign Origin is refused.
async function sameOrigin(): Promise<boolean> {
  const origin = (await headers()).get("origin");
  return origin !== null && origin === new URL(env().APP_URL).origin;
}

function toResult(error: unknown): ActionResult<never> {
  unstable_rethrow(error); // redirect() and notFound() are Next's control flow, not failures
  if (error instanceof ValidationError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (isExpectedError(error)) return { ok: false, error: error.message };
  console.error("[action] unexpected error", error);
  return { ok: false, error: GENERIC_ERROR };
}

function parse<S extends z.ZodType>(schema: S, formData: FormData): z.infer<S> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION") || key === "org") continue;
    // NUL is never typed, and PostgreSQL refuses it in text (an error deep in a query): dropped here,
    // once for every form.
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v.replaceAll("\u0000", "") : v));
    raw[key] = values.length > 1 ? values : values[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "form");
      (fieldErrors[field] ??= []).push(issue.message);
    }
    throw new ValidationError("Check the highlighted fields.", fieldErrors);
  }
  return result.data;
}

type Handler<S extends z.ZodType, C, T> = (ctx: C, input: z.infer<S>) => Promise<ActionResult<T> | void>;

/**
 * A server action for a signed-in member of the organisation named by the form's `org` field:
 * origin check, session, membership, the permission, input parsing, then `run`. Expected errors
 * reach the user with their message; anything else becomes a generic message and a log line.
 */
export function memberAction<S extends z.ZodType, T = undefined>(permission: Permission, schema: S, run: Handler<S, Actor, T>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      if (!(await sameOrigin())) return { ok: false, error: "Request refused." };
      const member = await currentMember(String(formData.get("org") ?? ""));
      if (!member) return { ok: false, error: (await currentUser()) ? "Not found." : SESSION_ENDED };
      if (!can(member.role, permission)) return { ok: false, error: "You do not have permission to do that." };
      const input = parse(schema, formData);
      return (await run(memberActor(member, await clientAddress()), input)) ?? { ok: true };
    } catch (error) {
      return toResult(error);
    }
  };
}

/** A server action for any signed-in user, about their own account (profile, password). */
export function userAction<S extends z.ZodType, T = undefined>(schema: S, run: Handler<S, CurrentUser, T>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      if (!(await sameOrigin())) return { ok: false, error: "Request refused." };
      const user = await currentUser();
      if (!user) return { ok: false, error: SESSION_ENDED };
      return (await run(user, parse(schema, formData))) ?? { ok: true };
    } catch (error) {
      return toResult(error);
    }
  };
}

/** A server action anyone may call (sign-up, password reset): origin check, parsing, error shape. */
export function publicAction<S extends z.ZodType, T = undefined>(schema: S, run: (input: z.infer<S>, ip: string | null) => Promise<ActionResult<T> | void>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      if (!(await sameOrigin())) return { ok: false, error: "Request refused." };
      return (await run(parse(schema, formData), await clientAddress())) ?? { ok: true };
    } catch (error) {
      return toResult(error);
    }
  };
}
