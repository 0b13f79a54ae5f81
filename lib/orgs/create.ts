import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import { recordAudit } from "../audit/record";
import { fieldError, RateLimitedError } from "../errors";
import { hashPassword } from "../security/password";
import { passwordSchema } from "../security/password-policy";
import { hitRateLimit, LIMITS } from "../security/rate-limit";
import { emailSchema } from "../users/email";
import { profileSchema } from "../users/profile";
import { isUniqueViolation } from "../db/errors";
import { NAME_MAX, nameField } from "../web/form-fields";

const organizationName = nameField({ label: "your organisation's name", max: NAME_MAX });

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
  const taken = new Set((await db.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate) && !RESERVED_SLUGS.has(candidate)) return candidate;
  }
}


/**
 * Creates an organisation with `userId` (or the user `newUser` creates inside the same transaction) as
 * its first, active OWNER, and audits it. Two sign-ups racing for one slug: the loser takes the next.
 */
async function createWithOwner(db: Db, name: string, ipAddress: string | null, owner: { userId: string } | { newUser: Prisma.UserCreateInput }) {
  for (let attempt = 0; ; attempt++) {
    const slug = await freeSlug(db, name);
    const organizationId = randomUUID();
    try {
      return await tenantDb(db, organizationId).$transaction(async (tx) => {
        await tx.organization.create({ data: { id: organizationId, name, slug } });
        const userId = "userId" in owner ? owner.userId : (await tx.user.create({ data: owner.newUser, select: { id: true } })).id;
        const membership = await tx.membership.create({
          data: { organizationId, userId, role: "OWNER", status: "ACTIVE", joinedAt: new Date() },
          select: { id: true },
        });
        const actor = { userId, membershipId: membership.id, organizationId, role: "OWNER" as const, ipAddress };
        await recordAudit(tx, actor, { action: "organization.create", targetType: "organization", targetId: organizationId, after: { name, slug } });
        return { organizationId, slug, userId };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (JSON.stringify(error.meta ?? {}).includes("email")) throw emailTaken();
      if (attempt < 5) continue;
      throw error;
    }
  }
}

// Sign-up has to say when an email already has an account (it cannot create a second one), so this one
// answer can tell an address exists; it is rate-limited per client address, and says the same for an
// active, a deactivated or an invited-only account.
const emailTaken = () => fieldError("email", "An account with this email already exists. Sign in, then create the organisation from the organisation menu.");

/** Self-serve sign-up: a new user and a new organisation with them as OWNER. */
export async function signUp(db: Db, input: SignUpInput, ipAddress: string | null) {
  if (!(await hitRateLimit(db, `sign-up:address:${ipAddress ?? "unknown"}`, LIMITS.signUpPerAddress))) throw new RateLimitedError();
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const { organizationName: name, password, ...profile } = input;
  const passwordHash = await hashPassword(password);
  return createWithOwner(db, name, ipAddress, { newUser: { ...profile, passwordHash } });
}

/** A signed-in user starts another organisation, as its OWNER. */
export async function createOrganizationForUser(db: Db, userId: string, input: z.infer<typeof newOrganizationSchema>, ipAddress: string | null) {
  if (!(await hitRateLimit(db, `sign-up:address:${ipAddress ?? "unknown"}`, LIMITS.signUpPerAddress))) throw new RateLimitedError();
  return createWithOwner(db, input.organizationName, ipAddress, { userId });
}
