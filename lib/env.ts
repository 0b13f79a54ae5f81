import { z } from "zod";
import { isLoopbackHost } from "./security/client-address";

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
    // The window in which one member's immediate notification emails coalesce into one
    // (lib/notifications/notify.ts, EMAIL_WINDOW_MS when unset); the e2e server shortens it.
    NOTIFICATION_EMAIL_WINDOW_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 60_000)
      .optional(),
    // How many proxies of our own stand in front of the app, each appending to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Files on coachee profiles (lib/files/storage.ts): the local disk under FILE_STORAGE_DIR, or an
    // S3-compatible store. FILE_MAX_BYTES is the largest file accepted (100 MiB by default).
    FILE_STORAGE: z.enum(["local", "s3"]).default("local"),
    FILE_STORAGE_DIR: z.string().default(".data/files"),
    FILE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(5 * 1024 ** 3)
      .default(100 * 1024 * 1024),
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  })
  .refine((e) => e.FILE_STORAGE !== "s3" || e.S3_BUCKET, {
    message: "S3_BUCKET is required with FILE_STORAGE=s3",
    path: ["S3_BUCKET"],
  })
  .refine((e) => e.SMTP_URL || e.DEV_MAILBOX || e.NODE_ENV !== "production", {
    message: "SMTP_URL is required in production (or set DEV_MAILBOX=true to keep mail on the development mailbox page)",
    path: ["SMTP_URL"],
  })
  // The mailbox shows every sign-in link the app sends: only for a trial on this very machine.
  .refine((e) => !e.DEV_MAILBOX || isLoopbackHost(new URL(e.APP_URL).hostname), {
    message: "DEV_MAILBOX is for trying Pathwise on this machine only: APP_URL must be a localhost address, or configure SMTP_URL instead",
    path: ["DEV_MAILBOX"],
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

/**
 * The development mailbox page exists only when asked for (DEV_MAILBOX=true, which `npm start` sets
 * without SMTP), no SMTP server is configured, and APP_URL is on this machine. Whether it answers a
 * given request is decided by the client's address as well (lib/mail/dev-mailbox.ts).
 */
export function devMailboxEnabled(): boolean {
  const e = env();
  return e.DEV_MAILBOX && !e.SMTP_URL && isLoopbackHost(new URL(e.APP_URL).hostname);
}
