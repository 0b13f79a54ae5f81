import { headers } from "next/headers";
import { cache } from "react";
import { currentMember } from "../auth/member";
import { currentUser } from "../auth/session";
import { db } from "../db/client";
import { invitationLanguage } from "../db/cross-tenant";
import { hashToken } from "../security/tokens";
import { browserLocale } from "./browser-locale";
import { pickLocale, type Locale } from "./locales";
import { PATH_HEADER } from "./path-header";

/**
 * The language of this request's pages and answers: the signed-in person's choice, then the language
 * their organisation (the one in the path) set for them, then its default, then the browser's. An
 * invitation's page, signed out, speaks the language of whom the link is for (their invitation's).
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  const user = await currentUser();
  const path = h.get(PATH_HEADER) ?? "";
  const slug = path.split("/")[1];
  const member = user && slug ? await currentMember(slug) : null;
  const invited = user ? [] : await invitedLocale(path);
  return pickLocale(user?.locale, member?.locale, member?.organization.defaultLocale, ...invited, browserLocale(h.get("accept-language")));
});

const INVITATION_PATH = /^\/invite\/([\w-]{20,200})$/;

async function invitedLocale(path: string): Promise<(string | null)[]> {
  const token = INVITATION_PATH.exec(path)?.[1];
  const invitation = token ? await invitationLanguage(db(), hashToken(token)) : null;
  if (!invitation?.membership) return [];
  return [invitation.membership.user.locale, invitation.membership.locale, invitation.organization.defaultLocale];
}
