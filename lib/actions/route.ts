import { getTranslations } from "next-intl/server";
import type { Actor } from "../authz/actor";
import type { Member } from "../auth/member";
import { NotFoundError } from "../errors";
import { localizeAll, type Translate } from "../i18n/msg";
import { guardMember, NOT_FOUND, type Needs } from "./core";
import { requestFacts } from "./action";

type RouteContext<P> = { actor: Actor; member: Member; params: P };

/**
 * `headers`: what every answer carries unless it says otherwise, refusals and not-founds too (for
 * routes the proxy, which adds the security headers to everything else, does not run for).
 */
type RouteOptions = { headers?: (pathname: string) => Record<string, string> };

const notFound = () => new Response("Not found", { status: 404 });

/**
 * A route handler under /[org] for a signed-in member with `permission` (any one of a list): the server actions' guard
 * (lib/actions/core.ts). A download (GET) answers whoever may not have it with a plain 404, like a
 * page: signed out, not a member, no permission, or a service saying not found. A request that
 * changes data must also come from our own origin, and is answered in the actions' JSON shape.
 */
/** A JSON answer in the words of the person who sent the request (services speak in message keys: lib/i18n/msg.ts). */
async function inWords(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const body = localizeAll(await response.json(), (await getTranslations()) as unknown as Translate);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

export function memberRoute<P extends { org: string }>(
  permission: Needs,
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const response = await inWords(await answer(request, context));
    if (options.headers)
      for (const [name, value] of Object.entries(options.headers(new URL(request.url).pathname)))
        if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  };
  async function answer(request: Request, { params }: { params: Promise<P> }): Promise<Response> {
    const routeParams = await params;
    const write = request.method !== "GET" && request.method !== "HEAD";
    const guard = await guardMember(await requestFacts(), routeParams.org, permission, { checkOrigin: write });
    if (!guard.ok) return write ? Response.json(guard.refusal, { status: guard.status }) : notFound();
    try {
      return await handler(request, { actor: guard.actor, member: guard.member, params: routeParams });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return write ? Response.json({ ok: false, error: NOT_FOUND }, { status: 404 }) : notFound();
    }
  }
}
