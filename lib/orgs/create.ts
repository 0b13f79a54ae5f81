import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { slugsStartingWith } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { recordAudit } from "../audit/record";
import { ExpectedError, RateLimitedError } from "../errors";
import { msg } from "../i18n/msg";
import type { Locale } from "../i18n/locales";
import { passwordSchema } from "../security/password-policy";
import { hitAddressLimit, LIMITS } from "../security/rate-limit";
import { profileSchema } from "../users/profile";
import { isUniqueViolation } from "../db/errors";
import { emailSchema, NAME_MAX, nameField } from "../web/form-fields";

const organizationName = nameField({ label: "your organisation's name", max: NAME_MAX });

/** The sign-up form: everything the organisation and its owner need, checked before anything is written. */
export const signUpSchema = z.strictObject({
  organizationName,
  ...profileSchema.shape,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const newOrganizationSchema = z.strictObject({ organizationName });

// Top-level paths of the app: an organisation's slug must never shadow one of them.
const RESERVED_SLUGS = new Set([
  "api",
  "dev",
  "sign-in",
  "sign-up",
  "sign-out",
  "forgot-password",
  "reset-password",
  "invite",
  "new-organisation",
  "favicon.ico",
  "robots.txt",
  "_next",
]);

/** "Acme Coaching GmbH" -> "acme-coaching-gmbh": lower-case ASCII letters, digits and dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "organisation";
}

/** The first free slug from the name: the name itself, then -2, -3, ... */
async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await slugsStartingWith(db, base);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate) && !RESERVED_SLUGS.has(candidate)) return candidate;
  }
}

/** Who owns a new organisation: an existing user, or one `create` makes inside the same transaction. */
export type Owner = { userId: string } | { create: (tx: Tx) => Promise<string> };

/**
 * Creates an organisation with its first, active OWNER, and audits it, in one transaction. Two
 * organisations racing for one slug: the loser takes the next (its whole transaction runs again).
 */
export async function createWithOwner(db: Db, name: string, ipAddress: string | null, defaultLocale: Locale, owner: Owner) {
  for (let attempt = 0; ; attempt++) {
    const slug = await freeSlug(db, name);
    const organizationId = randomUUID();
    try {
      return await tenantDb(db, organizationId).$transaction(async (tx) => {
        await tx.organization.create({ data: { id: organizationId, name, slug, defaultLocale } });
        const userId = "userId" in owner ? owner.userId : await owner.create(tx);
        const membership = await tx.membership.create({
          data: { organizationId, userId, role: "OWNER", status: "ACTIVE", joinedAt: new Date() },
          select: { id: true },
        });
        const actor = { userId, membershipId: membership.id, organizationId, role: "OWNER" as const, ipAddress };
        await recordAudit(tx, actor, {
          action: "organization.create",
          targetType: "organization",
          targetId: organizationId,
          after: { name, slug },
        });
        return { organizationId, slug, userId };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (JSON.stringify(error.meta ?? {}).includes("email")) throw new EmailTakenError();
      if (attempt < 5) continue;
      throw error;
    }
  }
}

// Only someone holding a sign-up confirmation link meets this (the sign-up form answers the same for
// every address), and the link went to the address itself: saying it has an account tells nothing new.
export class EmailTakenError extends ExpectedError {
  constructor() {
    super(msg("SignUp.server.emailTaken"));
  }
}

/** A signed-in user starts another organisation, as its OWNER. */
export async function createOrganizationForUser(
  db: Db,
  userId: string,
  input: z.infer<typeof newOrganizationSchema>,
  ipAddress: string | null,
  locale: Locale,
) {
  if (!(await hitAddressLimit(db, "sign-up", ipAddress, LIMITS.signUpPerAddress))) throw new RateLimitedError();
  return createWithOwner(db, input.organizationName, ipAddress, locale, { userId });
}
