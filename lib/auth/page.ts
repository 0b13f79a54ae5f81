import { notFound, redirect } from "next/navigation";
import { canAny, type Permission } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { currentMember, type Member } from "./member";
import { currentUser } from "./session";

/**
 * What every page under /[org] calls first (layouts are not re-run on client navigation, so a page
 * cannot lean on its layout): signed out or session ended -> sign in; not a member of this
 * organisation, or lacking the permission -> 404, exactly like a page that does not exist.
 */
export async function requireMember(
  orgSlug: string,
  /** With a list, any one of them (as the action guard). */
  permission: Permission | readonly Permission[] = "dashboard:view",
): Promise<Member> {
  if (!(await currentUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
  const member = await currentMember(orgSlug);
  if (!member || !canAny(member.role, permission)) notFound();
  return member;
}

/** What a service found, or the 404 page when it found nothing (another organisation's id included). */
export async function orNotFound<T>(found: Promise<T>): Promise<T> {
  try {
    return await found;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
