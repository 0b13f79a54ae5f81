import type { Actor } from "../../lib/authz/actor";
import type { Db } from "../../lib/db/client";
import type { Role } from "../../lib/db/generated/enums";
import { createMember, type MemberOverrides, type TestMember } from "./member";

/** An Actor as services take it, with the member's rows beside it for setup and assertions. */
export type TestActor = Actor & TestMember & { email: string };

/** The Actor of an existing member (its role and organisation are the membership's). */
export function actorOf({ user, membership }: TestMember, ipAddress: string | null = "192.0.2.10"): TestActor {
  return {
    userId: user.id,
    membershipId: membership.id,
    organizationId: membership.organizationId,
    role: membership.role,
    ipAddress,
    email: user.email,
    user,
    membership,
  };
}

/** A member of the organisation with this role, as the Actor services take. */
export async function createActor(
  db: Db,
  organizationId: string,
  role: Role,
  extra: Omit<MemberOverrides, "role"> = {},
): Promise<TestActor> {
  return actorOf(await createMember(db, organizationId, { role, ...extra }));
}
