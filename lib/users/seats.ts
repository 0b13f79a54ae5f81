import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import type { Actor } from "../authz/actor";
import { assertCan, SEAT_ROLES } from "../authz/permissions";
import type { Role } from "../db/generated/enums";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import { ExpectedError, NotFoundError } from "../errors";

export const NO_SEATS_MESSAGE = msg("Users.server.noSeats");

export class SeatLimitError extends ExpectedError {
  constructor() {
    super(NO_SEATS_MESSAGE);
  }
}

/** Seats used: memberships of seat roles that are ACTIVE or INVITED. */
const SEAT_TAKING = { role: { in: [...SEAT_ROLES] }, status: { in: ["ACTIVE" as const, "INVITED" as const] } };

/** Whether a membership with this role and status holds a seat. */
export function takesSeat(role: Role, status: string): boolean {
  return SEAT_ROLES.has(role) && (status === "ACTIVE" || status === "INVITED");
}

export async function seatUsage(t: TenantTx) {
  const [org, used] = await Promise.all([
    t.organization.findFirst({ select: { seatLimit: true } }),
    t.membership.count({ where: SEAT_TAKING }),
  ]);
  if (!org) throw new NotFoundError();
  return { used, limit: org.seatLimit };
}

/** Seats used and the limit, for pages that show them (the Users list, an import's check). */
export async function getSeatUsage(db: Db, actor: Actor) {
  assertCan(actor.role, "users:view");
  return seatUsage(tenantDb(db, actor.organizationId));
}

/**
 * The one gate for every operation that takes seats (role change, reactivation, invitations, import):
 * locks the organisation's row for the rest of the caller's transaction, so operations that could
 * take seats run one after another per organisation, then refuses the whole operation when `needed`
 * more seats would pass the limit. Call it before writing, inside the transaction that writes.
 */
export async function reserveSeats(tx: TenantTx, organizationId: string, needed: number): Promise<void> {
  await lockOrganization(tx, organizationId);
  if (needed <= 0) return;
  const { used, limit } = await seatUsage(tx);
  if (used + needed > limit) throw new SeatLimitError();
}
