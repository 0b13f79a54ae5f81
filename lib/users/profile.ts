import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db, Tx } from "../db/client";
import { fieldError } from "../errors";
import { hashPassword, verifyPassword } from "../security/password";
import { passwordSchema } from "../security/password-policy";
import { localeChoice, nameField, PERSON_NAME_MAX, timeZoneSchema } from "../web/form-fields";

/** The name fields of a form about someone else (an admin editing a member): "Enter a first name", not "your". */
export const someoneElsesName = {
  firstName: nameField({ label: "a first name", max: PERSON_NAME_MAX }),
  lastName: nameField({ label: "a last name", max: PERSON_NAME_MAX }),
};

export const profileSchema = z.strictObject({
  firstName: nameField({ label: "your first name", max: PERSON_NAME_MAX }),
  lastName: nameField({ label: "your last name", max: PERSON_NAME_MAX }),
  timezone: timeZoneSchema,
  // Missing: unchanged; "": none chosen, the organisation's language.
  locale: localeChoice.optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, msg("Profile.server.enterCurrentPassword")),
  newPassword: passwordSchema,
});

export async function updateProfile(db: Db, userId: string, input: z.infer<typeof profileSchema>) {
  return db.user.update({ where: { id: userId }, data: input, select: { firstName: true, lastName: true, timezone: true, locale: true } });
}

/** Ends every session of this user, this one included, on their next request. */
export async function endAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Changes the password after checking the current one, and ends every session. */
export async function changePassword(db: Db, userId: string, input: z.infer<typeof changePasswordSchema>) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError("currentPassword", msg("Profile.server.currentPasswordWrong"));
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endAllSessions(tx, userId);
  });
}
