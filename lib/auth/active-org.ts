import { cookies } from "next/headers";
import { env } from "../env";

// The session's active organisation. The URL (/[org]/...) decides what a request sees; this cookie
// remembers the last organisation the user switched to or created, so "/" and sign-in land there.
// It only ever names a slug: access is checked against the membership on every request regardless.
const COOKIE = "pathwise.org";

export async function rememberOrganization(slug: string): Promise<void> {
  (await cookies()).set(COOKIE, slug, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}

export async function rememberedOrganization(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value;
}
