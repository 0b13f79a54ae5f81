import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { env } from "../env";
import { clientAddressFrom } from "../security/client-address";
import { safeRedirectPath } from "../web/safe-redirect";
import { authenticate } from "./authenticate";

// JWT sessions carry the user id and the user's session version; every request compares that version
// with the database (lib/auth/session.ts), so bumping it ends every open session on its next request,
// replayed old cookies included, without a session table lookup per request beyond that one row.
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const header = (name: string) => [req?.headers?.[name]].flat()[0] as string | undefined;
          const ip = clientAddressFrom(header("x-forwarded-for"), header("x-real-ip"));
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
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sv: token.sv };
      },
    },
  };
}
