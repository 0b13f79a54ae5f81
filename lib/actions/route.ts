import type { Actor } from "../authz/actor";
import type { Member } from "../auth/member";
import { NotFoundError } from "../errors";
import { guardMember, NOT_FOUND, type Needs } from "./core";
import { requestFacts } from "./action";

type RouteContext<P> = { actor: Actor; member: Member; params: P };

const notFound = () => new Response("Not found", { status: 404 });

/**
 * A route handler under /[org] for a signed-in member with `permission` (any one of a list): the server actions' guard
 * (lib/actions/core.ts). A download (GET) answers whoever may not have it with a plain 404, like a
 * page: signed out, not a member, no permission, or a service saying not found. A request that
 * changes data must also come from our own origin, and is answered in the actions' JSON shape.
 */
export function memberRoute<P extends { org: string }>(
  permission: Needs,
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
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
  };
}
