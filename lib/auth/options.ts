import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { env } from "../env";
import { clientAddressFrom } from "../security/client-address";
import { safeRedirectPath } from "../web/safe-redirect";
import { authenticate } from "./authenticate";
import { endSession, SESSION_MAX_AGE_SECONDS, sessionIsLive, startSession } from "./sessions";

class SessionEnded extends Error {}

// JWT sessions carry the user id, the user's session version and the id of an AuthSession row. Every
// request (pages, actions, and next-auth's own /api/auth/session renewal) checks that row and version
// in the database: signing out ends that one session, bumping the version ends them all, replayed
// old cookies included. A cookie that fails the check is cleared and reads as signed out.
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const ip = clientAddressFrom({ get: (name) => [req?.headers?.[name]].flat()[0] ?? null });
          const user = await authenticate(db(), credentials?.email ?? "", credentials?.password ?? "", ip);
          return user ? { id: user.id, email: user.email, sessionVersion: user.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth is handed (sign-in, sign-out) goes through the one same-origin rule.
      async redirect({ url }) {
        return new URL(safeRedirectPath(url, env().APP_URL), env().APP_URL).href;
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          token.sid = await startSession(db(), user.id);
          return token;
        }
        // next-auth clears the cookie and answers "no session" when this throws.
        if (!(await sessionIsLive(db(), token.sid, token.sub, token.sv))) throw new SessionEnded();
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sv: token.sv };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(db(), token.sid);
      },
    },
    logger: {
      // An ended session presenting its cookie is expected, not an error worth a stack trace.
      error(code, metadata) {
        const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (code === "JWT_SESSION_ERROR" && cause instanceof SessionEnded) return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
}
