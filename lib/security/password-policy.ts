import { dictionary } from "@zxcvbn-ts/language-common";
import { msg } from "../i18n/msg";
import { z } from "zod";

// NIST 800-63B / OWASP ASVS 6.2: length is what counts, no composition rules, and passwords from
// breach lists are refused. The list is zxcvbn's ~49,000 most common passwords.
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, msg("Auth.server.passwordMin", { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX, msg("Auth.server.passwordMax", { max: PASSWORD_MAX }))
  .refine((p) => !COMMON.has(p.toLowerCase()), msg("Auth.server.passwordCommon"));
