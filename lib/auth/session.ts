import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { authOptions } from "./options";

/** What a request knows of its signed-in user. */
export const CURRENT_USER_SELECT = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  timezone: true,
  locale: true,
  sessionVersion: true,
} as const;

/** The signed-in user, or null when signed out or when the session was ended (signed out, version bumped). */
export const currentUser = cache(async () => {
  const session = (await getServerSession(authOptions())) as { userId?: string; sv?: number } | null;
  if (!session?.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: CURRENT_USER_SELECT,
  });
  if (!user || user.sessionVersion !== session.sv) return null;
  return user;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;
