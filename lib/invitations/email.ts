import type { Role } from "../db/generated/enums";
import { env } from "../env";
import { displayName } from "../users/display-name";

/** The invitation email's properties; the link is built from the configured app URL, never a request's host. */
export function invitationProps(
  org: { name: string; invitationExpiryDays: number },
  inviter: { firstName: string; lastName: string; email: string },
  role: Role,
  message: string,
  token: string,
) {
  return {
    organizationName: org.name,
    inviterName: displayName(inviter),
    role,
    message,
    url: new URL(`/invite/${token}`, env().APP_URL).toString(),
    expiresInDays: org.invitationExpiryDays,
  };
}
