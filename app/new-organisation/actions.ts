"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { rememberOrganization } from "@/lib/auth/active-org";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/actions/action";
import { requestLocale } from "@/lib/i18n/request-locale";
import { createOrganizationForUser, newOrganizationSchema } from "@/lib/orgs/create";

export const createOrganizationAction = userAction(newOrganizationSchema, async (user, input) => {
  const { slug } = await createOrganizationForUser(db(), user.id, input, await clientAddress(), await requestLocale());
  await rememberOrganization(slug);
  redirect(`/${slug}`);
});
