"use server";

import { publicAction } from "@/lib/actions/action";
import { rememberOrganization } from "@/lib/auth/active-org";
import { db } from "@/lib/db/client";
import { signUp, signUpSchema } from "@/lib/orgs/create";

export const signUpAction = publicAction(signUpSchema, async (input, ip) => {
  const { slug } = await signUp(db(), input, ip);
  await rememberOrganization(slug);
  return { ok: true, data: { slug } };
});
