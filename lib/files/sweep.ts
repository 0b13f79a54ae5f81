import type { Disk, DriveFile } from "flydrive";
import type { Db } from "../db/client";
import { deleteExpiredUploadReservations } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { RESERVATION_TTL_MS } from "./quota";

// The orphan sweep: objects in the store whose file row is gone (a delete whose object removal failed
// after commit, an upload whose process died, a leftover the store finished writing late) cost storage
// and are reached by nothing, so they are deleted. An object is kept while a row or a live upload
// reservation names its key, and while it is younger than the grace period (twice a reservation's
// life), so an upload in flight is never swept. Rows and reservations are read in one snapshot: an
// upload that commits its row between the two reads cannot look like neither. The store must belong
// to this database alone: a key another deployment wrote would have no row here.

export const ORPHAN_GRACE_MS = 2 * RESERVATION_TTL_MS;
/** Keys the uploads make: `<organizationId>/<coacheeMembershipId>/<uuid>`. Anything else in the store is left alone. */
const FILE_KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

export type SweepOptions = {
  /** Only this organisation's objects (and reservations); every organisation's when absent. */
  organizationId?: string;
  now?: Date;
  graceMs?: number;
};

export type SweepReport = { listed: number; removed: string[]; failed: number; reservationsExpired: number };

/** Deletes the store's orphaned objects (of one organisation or all), and the expired upload reservations. */
export async function sweepOrphanFiles(db: Db, disk: Disk, options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const grace = options.graceMs ?? ORPHAN_GRACE_MS;
  const report: SweepReport = { listed: 0, removed: [], failed: 0, reservationsExpired: 0 };
  report.reservationsExpired = options.organizationId
    ? (await tenantDb(db, options.organizationId).fileUploadReservation.deleteMany({ where: { expiresAt: { lte: now } } })).count
    : await deleteExpiredUploadReservations(db, now);

  let token: string | undefined;
  do {
    const page = await listPage(disk, options.organizationId ? `${options.organizationId}/` : "", token);
    token = page.paginationToken;
    const byOrganization = new Map<string, DriveFile[]>();
    for (const object of page.objects) {
      const organizationId = object.isFile ? FILE_KEY.exec(object.key)?.[1] : undefined;
      if (!organizationId) continue;
      report.listed++;
      const files = byOrganization.get(organizationId) ?? [];
      files.push(object as DriveFile);
      byOrganization.set(organizationId, files);
    }
    for (const [organizationId, files] of byOrganization) {
      const named = await namedKeys(
        db,
        organizationId,
        files.map((f) => f.key),
      );
      for (const file of files) {
        if (named.has(file.key)) continue;
        try {
          const { lastModified } = await file.getMetaData();
          if (now.getTime() - lastModified.getTime() < grace) continue;
          await disk.delete(file.key);
          report.removed.push(file.key);
        } catch (error) {
          // Gone meanwhile, or the store failed: the next sweep looks again.
          report.failed++;
          console.error("[files] orphan sweep could not remove an object:", file.key, error);
        }
      }
    }
  } while (token);
  return report;
}

/** Of `keys`, those a file row or a live reservation of the organisation names, read in one snapshot. */
async function namedKeys(db: Db, organizationId: string, keys: string[]): Promise<Set<string>> {
  return tenantDb(db, organizationId).$transaction(
    async (tx) => {
      const rows = await tx.coacheeFile.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
      const held = await tx.fileUploadReservation.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
      return new Set([...rows, ...held].map((r) => r.storageKey));
    },
    { isolationLevel: "RepeatableRead" },
  );
}

/** One page of the store's objects under `prefix` (S3 pages by 1,000; the local disk, none when its folder is missing, gives all at once). */
async function listPage(disk: Disk, prefix: string, paginationToken: string | undefined) {
  const page = await disk.listAll(prefix, { recursive: true, paginationToken });
  return { objects: [...page.objects], paginationToken: page.paginationToken };
}
