"use server";

import { publicAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { acceptExistingSchema, acceptInvitation, acceptNewSchema } from "@/lib/invitations/accept";

// No cookie is set here: changing cookies makes Next re-render this page, which (the link now spent)
// would replace the form before it signs the person in and opens the organisation.
// `keep`: the form signs the person in with the password they typed once it succeeds.
export const acceptNewAction = publicAction(acceptNewSchema, async (input, ip) => ({
  ok: true,
  keep: true,
  data: { slug: (await acceptInvitation(db(), input, ip)).slug },
}));
export const acceptExistingAction = publicAction(acceptExistingSchema, async (input, ip) => ({
  ok: true,
  keep: true,
  data: { slug: (await acceptInvitation(db(), input, ip)).slug },
}));
