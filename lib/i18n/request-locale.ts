import { headers } from "next/headers";
import { cache } from "react";
import { currentMember } from "../auth/member";
import { currentUser } from "../auth/session";
import { browserLocale } from "./browser-locale";
import { pickLocale, type Locale } from "./locales";
import { PATH_HEADER } from "./path-header";

/**
 * The language of this request's pages and answers: the signed-in person's choice, then the language
 * their organisation (the one in the path) set for them, then its default, then the browser's.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  const user = await currentUser();
  const slug = h.get(PATH_HEADER)?.split("/")[1];
  const member = user && slug ? await currentMember(slug) : null;
  return pickLocale(user?.locale, member?.locale, member?.organization.defaultLocale, browserLocale(h.get("accept-language")));
});
