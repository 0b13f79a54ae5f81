import { getRequestConfig } from "next-intl/server";
import { messagesOf } from "./messages";
import { requestLocale } from "./request-locale";

// next-intl's configuration for each request (next.config.ts points its plugin here).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await messagesOf(locale) };
});
