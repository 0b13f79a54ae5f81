import { z } from "zod";

// Every environment variable the app reads, parsed once. `.env.example` documents each of them.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
    APP_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Pathwise <no-reply@pathwise.local>"),
    DEV_MAILBOX: z.stringbool().default(false),
    OUTBOX_POLL_MS: z.coerce.number().int().min(100).default(2000),
  })
  .refine((e) => e.SMTP_URL || e.DEV_MAILBOX || e.NODE_ENV !== "production", {
    message: "SMTP_URL is required in production (or set DEV_MAILBOX=true to keep mail on the development mailbox page)",
    path: ["SMTP_URL"],
  });

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** The parsed environment; throws one readable error listing every bad variable. */
export function env(): Env {
  if (parsed) return parsed;
  // An empty variable means "not set" (as in `SMTP_URL=` in a .env file).
  const set = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const result = schema.safeParse(set);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}

/** Mail is kept on the development mailbox page instead of sent: only with no SMTP server set. */
export function devMailboxEnabled(): boolean {
  const e = env();
  return !e.SMTP_URL && (e.DEV_MAILBOX || e.NODE_ENV !== "production");
}
