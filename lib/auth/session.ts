import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { authOptions } from "./options";

/** The signed-in user, or null when signed out or when the session was ended (signed out, version bumped). */
export const currentUser = cache(async () => {
  const session = (await getServerSession(authOptions())) as { userId?: string; sv?: number } | null;
  if (!session?.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, firstName: true, lastName: true, timezone: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sv) return null;
  return user;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;
