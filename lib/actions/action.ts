import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "../authz/actor";
import { currentMember } from "../auth/member";
import { currentUser, type CurrentUser } from "../auth/session";
import { localizeAll, type Translate } from "../i18n/msg";
import { clientAddressFrom } from "../security/client-address";
import { type ActionResult, type Needs, type RequestFacts, runMemberAction, runPublicAction, runUserAction } from "./core";

// The thin Next side of the guard in ./core.ts: it reads the request's facts from Next's headers and
// session, and lets redirect() and notFound() (Next's control flow, not failures) through.
export { GENERIC_ERROR, SESSION_ENDED, type ActionResult } from "./core";

/** The client's address as the server resolved it from the connection (lib/security/client-address.ts). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}

/** The Host the request was made to (only ever compared with APP_URL's, never used to build a link). */
export async function requestHost(): Promise<string | null> {
  return (await headers()).get("host");
}

/** This request's facts, for the guard. */
export async function requestFacts(): Promise<RequestFacts> {
  const h = await headers();
  return { origin: h.get("origin"), clientAddress: clientAddressFrom(h), currentUser, currentMember, rethrow: unstable_rethrow };
}

/** An action's answer in the words of the person who sent it (services speak in message keys: lib/i18n/msg.ts). */
async function inWords<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  return localizeAll(result, (await getTranslations()) as unknown as Translate);
}

type Handler<S extends z.ZodType, C, T> = (ctx: C, input: z.infer<S>) => Promise<ActionResult<T> | void>;

/**
 * A server action for a signed-in member of the organisation named by the form's `org` field:
 * origin check, session, membership, the permission (with a list, any one of them), input parsing, then `run`. Expected errors
 * reach the user with their message; anything else becomes a generic message and a log line.
 */
export function memberAction<S extends z.ZodType, T = undefined>(permission: Needs, schema: S, run: Handler<S, Actor, T>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    inWords(await runMemberAction(await requestFacts(), permission, schema, run, formData));
}

/** A server action for any signed-in user, about their own account (profile, password). */
export function userAction<S extends z.ZodType, T = undefined>(schema: S, run: Handler<S, CurrentUser, T>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    inWords(await runUserAction(await requestFacts(), schema, run, formData));
}

/** A server action anyone may call (sign-up, password reset): origin check, parsing, error shape. */
export function publicAction<S extends z.ZodType, T = undefined>(
  schema: S,
  run: (input: z.infer<S>, ip: string | null) => Promise<ActionResult<T> | void>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    inWords(await runPublicAction(await requestFacts(), schema, run, formData));
}
