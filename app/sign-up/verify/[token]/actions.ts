"use server";

import { publicAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { verifySignUp, verifySignUpSchema } from "@/lib/orgs/sign-up";

// No cookie is set here (as on the invitation page): changing cookies makes Next re-render the page,
// which, the link now spent, would replace the form before it signs the person in.
// `keep`: the form signs the person in with the password they typed once it succeeds.
export const verifySignUpAction = publicAction(verifySignUpSchema, async (input, ip) => ({
  ok: true,
  keep: true,
  data: { slug: (await verifySignUp(db(), input, ip)).slug },
}));
