"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { acceptRequest, declineRequest, requestIdSchema } from "@/lib/coaching/requests";

// The participant's answer to a coach's request; the bell and the home page change with it.
const refresh = () => revalidatePath("/[org]", "layout");

export const acceptRequestAction = memberAction("portal:use", requestIdSchema, async (actor, { requestId }) => {
  const { coachName } = await acceptRequest(db(), actor, requestId);
  refresh();
  return { ok: true, message: `${coachName} is now your coach: they see what you share with your coaches.` };
});

export const declineRequestAction = memberAction("portal:use", requestIdSchema, async (actor, { requestId }) => {
  const { coachName } = await declineRequest(db(), actor, requestId);
  refresh();
  return { ok: true, message: `Declined: ${coachName} is not your coach and sees nothing of yours.` };
});
