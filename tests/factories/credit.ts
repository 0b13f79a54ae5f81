import type { Db } from "../../lib/db/client";

/**
 * An entry on the cohort's credit ledger, with the balance moved in the same transaction: the balance
 * is always the ledger's sum, and a factory must not be the thing that breaks it.
 */
export async function createCreditEntry(
  db: Db,
  cohort: { organizationId: string; id: string },
  {
    amount,
    note = "Credited by a test",
    pathwayId = null,
    actorId = null,
  }: { amount: number; note?: string; pathwayId?: string | null; actorId?: string | null },
) {
  return db.$transaction(async (tx) => {
    const entry = await tx.creditEntry.create({
      data: { organizationId: cohort.organizationId, cohortId: cohort.id, pathwayId, actorId, amount, note },
    });
    await tx.cohort.update({
      where: { organizationId_id: { organizationId: cohort.organizationId, id: cohort.id } },
      data: { creditBalance: { increment: amount } },
    });
    return entry;
  });
}
