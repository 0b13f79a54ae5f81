import type { Db } from "../db/client";
import type { Actor } from "../authz/actor";
import { can } from "../authz/permissions";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import { CHECK_FIELDS, NotFoundError, ValidationError } from "../errors";
import { assertCoacheeMaterialRole } from "../coaching/material";
import { LIMITS, releaseAttempt, takeAllowance, type RateLimit } from "../security/rate-limit";
import { GIB, overQuotaMessage, uploadRateMessage } from "./limits";

// The storage bounds of files: a quota per organisation (Organization.storageQuotaBytes, a plan setting
// only an owner changes) and an upload rate per membership. An upload reserves its declared size under
// the organisation's row lock before a byte is read, so parallel uploads cannot pass the quota together;
// the reservation becomes the file's row (its real size) or is deleted when the upload fails. A
// reservation left by a crash stops counting at its expiry and is deleted by the sweep (./sweep.ts).

/** The quota of an organisation nobody has set one for (the schema's default). */
export const STORAGE_QUOTA_DEFAULT_BYTES = 5 * GIB;
/** How long a reservation counts: far longer than a 100 MB upload takes on a slow line. */
export const RESERVATION_TTL_MS = 60 * 60 * 1000;

export type UploadRates = { uploads: RateLimit; bytes: RateLimit };
export const UPLOAD_RATES: UploadRates = { uploads: LIMITS.uploadsPerMember, bytes: LIMITS.uploadBytesPerMember };

/** An upload refused by a bound; `status` is the HTTP answer (413 too large or no room, 429 too often). */
export class UploadBoundError extends ValidationError {
  constructor(
    message: string,
    readonly status: 413 | 429,
  ) {
    super(CHECK_FIELDS, { file: [message] });
  }
}

/** Bytes the organisation's files take, bytes live reservations hold (but `except`'s), and the quota. */
async function usage(t: TenantTx, except?: string) {
  const [org, files, held] = await Promise.all([
    t.organization.findFirst({ select: { storageQuotaBytes: true } }),
    t.coacheeFile.aggregate({ _sum: { size: true } }),
    t.fileUploadReservation.aggregate({
      where: { expiresAt: { gt: new Date() }, ...(except ? { id: { not: except } } : {}) },
      _sum: { bytes: true },
    }),
  ]);
  if (!org) throw new NotFoundError();
  const used = Number(files._sum.size ?? 0n) + Number(held._sum.bytes ?? 0n);
  const quota = Number(org.storageQuotaBytes);
  return { used, quota, remaining: Math.max(0, quota - used) };
}

/** The organisation's storage: used (files and uploads in flight), the quota, what is left. For Settings and the upload forms. */
export async function getStorageUsage(db: Db, actor: Actor) {
  if (!can(actor.role, "settings:manage")) assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction((tx) => usage(tx));
}

const rateKeys = (actor: Actor) => ({ uploads: `upload:member:${actor.membershipId}`, bytes: `upload-bytes:member:${actor.membershipId}` });

export type Reservation = { id: string; bytes: number };

/**
 * Reserves `bytes` for an upload to `storageKey`, before it is read: under the organisation's row lock,
 * refused when it would pass the quota (what is stored plus what uploads in flight hold) or the actor's
 * upload rate (files and bytes an hour). A refusal counts nothing against the rate.
 */
export async function reserveUpload(
  db: Db,
  actor: Actor,
  input: { bytes: number; storageKey: string },
  rates: UploadRates = UPLOAD_RATES,
): Promise<Reservation> {
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const { remaining } = await usage(tx);
    if (input.bytes > remaining) throw new UploadBoundError(overQuotaMessage(remaining), 413);
    const keys = rateKeys(actor);
    // Both in this transaction: a refusal by the second rolls the first back.
    const within =
      (await takeAllowance(tx, keys.uploads, 1, rates.uploads)) && (await takeAllowance(tx, keys.bytes, input.bytes, rates.bytes));
    if (!within) throw new UploadBoundError(uploadRateMessage(rates.uploads.limit, rates.bytes.limit), 429);
    const { id } = await tx.fileUploadReservation.create({
      data: {
        organizationId: actor.organizationId,
        membershipId: actor.membershipId,
        storageKey: input.storageKey,
        bytes: BigInt(input.bytes),
        expiresAt: new Date(Date.now() + RESERVATION_TTL_MS),
      },
      select: { id: true },
    });
    return { id, bytes: input.bytes };
  });
}

/**
 * Turns a reservation into a stored file of `size` bytes, in the transaction that writes the file's row:
 * locks the organisation and checks the quota once more without the reservation (it may have expired
 * while a slow upload ran, and others taken the room), then deletes it.
 */
export async function settleReservation(tx: TenantTx, organizationId: string, reservation: Reservation, size: number): Promise<void> {
  await lockOrganization(tx, organizationId);
  const { remaining } = await usage(tx, reservation.id);
  if (size > remaining) throw new UploadBoundError(overQuotaMessage(remaining), 413);
  await tx.fileUploadReservation.deleteMany({ where: { id: reservation.id } });
}

/**
 * After an upload ends: a failed one's reservation is deleted (a stored one's went with its row), and the
 * bytes reserved but not received are given back to the actor's hourly allowance.
 */
export async function releaseReservation(
  db: Db,
  actor: Actor,
  reservation: Reservation,
  received: number,
  rates: UploadRates = UPLOAD_RATES,
) {
  await tenantDb(db, actor.organizationId).fileUploadReservation.deleteMany({ where: { id: reservation.id } });
  const unused = reservation.bytes - received;
  if (unused > 0 && rates.bytes.limit > 0) await releaseAttempt(db, rateKeys(actor).bytes, unused);
}
