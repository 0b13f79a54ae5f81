import type { Role } from "../db/generated/enums";

/** Who is acting, in which organisation: what every tenant service takes first. */
export type Actor = {
  userId: string;
  membershipId: string;
  organizationId: string;
  role: Role;
  ipAddress?: string | null;
};
