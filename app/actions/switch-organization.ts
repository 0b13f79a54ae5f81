"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions/action";
import { rememberOrganization } from "@/lib/auth/active-org";
import { findLiveMembership } from "@/lib/db/cross-tenant";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

/** The organisation switcher: makes another organisation the session's active one and goes there. */
export const switchOrganizationAction = userAction(z.strictObject({ to: z.string().max(100) }), async (user, { to }) => {
  const membership = await findLiveMembership(db(), user.id, to);
  if (!membership) throw new NotFoundError();
  await rememberOrganization(membership.organization.slug);
  redirect(`/${membership.organization.slug}`);
});
