import { z } from "zod";

/** Emails are unique case-insensitively: every email is stored and looked up in this form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address")
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email({ error: "Enter a valid email address" }))
  .transform(normalizeEmail);
