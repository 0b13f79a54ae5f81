import type { Db } from "../db/client";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { canGrant } from "../authz/permissions";
import { msg } from "../i18n/msg";
import { type ExpectedError, isExpectedError, ValidationError } from "../errors";
import { reserveSeats } from "./seats";
import { displayName } from "./display-name";
import { MEMBER, type Planned } from "./member-change";
import { type MembershipOp, stepFrom } from "./membership-state";
import { seen } from "./person";

export type { Planned };

export type BulkOutcome = { membershipId: string; name: string; outcome: "done" | "skipped" | "refused"; reason?: string };
export type BulkResult = { applied: boolean; outcomes: BulkOutcome[] };

/** Thrown inside a step's transaction to roll it back and answer with these outcomes instead. */
class StepRefused extends Error {
  constructor(readonly result: BulkResult) {
    super("step refused");
  }
}

/** The message of an expected error, the field's own one for a field error. */
function reasonOf(error: ExpectedError): string {
  const fields = error instanceof ValidationError ? Object.values(error.fieldErrors).flat() : [];
  return fields[0] ?? error.message;
}

/**
 * Runs one operation of the membership state machine (membership-state.ts) over many members: every
 * member is checked first (exists, not yourself, hierarchy, what the machine allows from their state,
 * the step's own rules), then `seats` more seats are reserved for the whole step at once. If anything
 * is refused, before or while applying, nothing changes and the result names each member refused,
 * why and what to do instead. Single and bulk actions both come through here.
 */
export async function bulkStep(
  db: Db,
  actor: Actor,
  membershipIds: string[],
  step: {
    op: MembershipOp;
    check?: (m: Planned) => { skip: string } | { refuse: string } | null; // the step's own rules beyond the machine
    seatsNeeded: (ms: Planned[]) => number;
    after?: (tx: TenantTx, ms: Planned[]) => Promise<void>; // cross-member rules, e.g. the last owner
    apply: (tx: TenantTx, m: Planned) => Promise<void>;
  },
): Promise<BulkResult> {
  const refuse = (outcomes: BulkOutcome[], reason: string): BulkResult => ({
    applied: false,
    outcomes: outcomes.map((o) => (o.outcome === "done" ? { ...o, outcome: "refused" as const, reason } : o)),
  });
  try {
    return await tenantDb(db, actor.organizationId).$transaction(
      async (tx) => {
        await lockOrganization(tx, actor.organizationId);
        const ids = [...new Set(membershipIds)];
        const found = (await tx.membership.findMany({ where: { id: { in: ids } }, select: MEMBER })).map(seen);
        const byId = new Map(found.map((m) => [m.id, m]));
        const outcomes: BulkOutcome[] = [];
        const go: Planned[] = [];
        for (const id of ids) {
          const m = byId.get(id);
          if (!m) {
            outcomes.push({ membershipId: id, name: msg("Users.server.unknownUser"), outcome: "refused", reason: msg("Server.missing") });
            continue;
          }
          const name = displayName(m.user);
          const machine = stepFrom(m, step.op);
          const verdict =
            m.id === actor.membershipId
              ? { refuse: msg("Users.server.notYourself") }
              : !canGrant(actor.role, m.role)
                ? { refuse: msg("Users.server.cannotChangeAsk", { role: m.role }) }
                : "to" in machine
                  ? (step.check?.(m) ?? null)
                  : machine;
          if (verdict && "skip" in verdict) outcomes.push({ membershipId: id, name, outcome: "skipped", reason: verdict.skip });
          else if (verdict) outcomes.push({ membershipId: id, name, outcome: "refused", reason: verdict.refuse });
          else {
            outcomes.push({ membershipId: id, name, outcome: "done" });
            go.push(m);
          }
        }
        const refused = outcomes.filter((o) => o.outcome === "refused").map((o) => o.name);
        if (refused.length) return refuse(outcomes, heldBy(refused));
        try {
          await step.after?.(tx, go);
          await reserveSeats(tx, actor.organizationId, step.seatsNeeded(go));
        } catch (error) {
          if (isExpectedError(error)) return refuse(outcomes, error.message);
          throw error;
        }
        for (const m of go) {
          try {
            await step.apply(tx, m);
          } catch (error) {
            if (!isExpectedError(error)) throw error;
            // Found only while applying (the invitation path checks again): undo the members before it.
            const name = displayName(m.user);
            const marked = outcomes.map((o) =>
              o.membershipId === m.id ? { ...o, outcome: "refused" as const, reason: reasonOf(error) } : o,
            );
            throw new StepRefused(refuse(marked, heldBy([name])));
          }
        }
        return { applied: true, outcomes };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof StepRefused) return error.result;
    throw error;
  }
}

/** Why the members who could have gone ahead did not, and what to do about it. */
function heldBy(refused: string[]): string {
  const names = refused.slice(0, 3).join(", ");
  return msg("Users.server.heldBy", { names, more: Math.max(refused.length - 3, 0), count: refused.length });
}
