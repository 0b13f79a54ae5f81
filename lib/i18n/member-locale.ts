import type { TenantTx } from "../db/tenant";
import { pickLocale, type Locale } from "./locales";

/** What a membership query selects to know the member's language (with the organisation's default). */
export const MEMBER_LOCALE_SELECT = { locale: true, user: { select: { locale: true } } } as const;

/**
 * The language a member reads in, in pages and in mail alike: their own choice, then the one their
 * organisation set for them, then the organisation's default.
 */
export function memberLocale(member: { locale: string | null; user: { locale: string | null } }, organizationDefault: string): Locale {
  return pickLocale(member.user.locale, member.locale, organizationDefault);
}

/** The language a member of the transaction's organisation reads in (the recipient of an email). */
export async function localeOfMember(tx: TenantTx, membershipId: string): Promise<Locale> {
  const [member, organization] = await Promise.all([
    tx.membership.findFirstOrThrow({ where: { id: membershipId }, select: MEMBER_LOCALE_SELECT }),
    tx.organization.findFirstOrThrow({ select: { defaultLocale: true } }),
  ]);
  return memberLocale(member, organization.defaultLocale);
}
