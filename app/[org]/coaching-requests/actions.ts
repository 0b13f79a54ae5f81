"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { acceptRequest, declineRequest, requestIdSchema } from "@/lib/coaching/requests";
import { coachingRequestsPath } from "@/lib/notifications/kinds";

// The participant's answer to a coach's request. The answered request leaves the list (and its button
// with it), so the page says what happened from its address; the bell and the home page change too.

export const acceptRequestAction = memberAction("portal:use", requestIdSchema, async (actor, { requestId }) => {
  const { orgSlug } = await acceptRequest(db(), actor, requestId);
  refreshOrganisation();
  redirect(`${coachingRequestsPath(orgSlug)}?answered=accepted`);
});

export const declineRequestAction = memberAction("portal:use", requestIdSchema, async (actor, { requestId }) => {
  const { orgSlug } = await declineRequest(db(), actor, requestId);
  refreshOrganisation();
  redirect(`${coachingRequestsPath(orgSlug)}?answered=declined`);
});
