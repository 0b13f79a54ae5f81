import type { Messages } from "./messages";
import type { Locale } from "./locales";

// Typed keys: a message key that is not in messages/en.json does not compile.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
