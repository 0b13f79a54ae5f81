import type { Db, Tx } from "./client";
import { Prisma } from "./generated/client";

// The scoped data layer: the one place where tenant data access gets its organisation. Services take
// `tenantDb(db, actor.organizationId)` and query through it; every read, update and delete of a tenant
// model gets `organizationId` added to its `where`, and every create gets it stamped on its data. An id
// from another organisation therefore finds nothing, exactly like a missing id.
//
// PostgreSQL row-level security can be added here later as a second wall: open the transaction,
// `SELECT set_config('app.organization_id', $1, true)`, and let policies compare it. Until then two
// limits hold, and code review keeps them: relations read through a global model (User.memberships)
// are not filtered, and raw SQL is not rewritten; both must carry their own `organizationId`.

/**
 * Models owned by one organisation: every model with an `organizationId`, read off the generated client,
 * so a new model cannot be left out. The one exception is the email outbox: a single queue for every
 * organisation, drained by one worker, whose optional organizationId only labels a message.
 */
const FIELDS_OF = Prisma as unknown as Record<string, Record<string, string> | undefined>;
const SHARED_MODELS_WITH_ORGANIZATION_ID: ReadonlySet<string> = new Set(["EmailOutbox"]);
export const TENANT_MODELS: ReadonlySet<Prisma.ModelName> = new Set(
  modelsWithField("organizationId").filter((model) => !SHARED_MODELS_WITH_ORGANIZATION_ID.has(model)),
);

/** Every model with any of these scalar fields, read off the generated client's field lists. */
export function modelsWithField(...fields: string[]): Prisma.ModelName[] {
  return Object.values(Prisma.ModelName).filter((model) => fields.some((f) => f in (FIELDS_OF[`${model}ScalarFieldEnum`] ?? {})));
}

const FILTERED = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

type Args = { where?: Record<string, unknown>; data?: unknown; create?: unknown };

function stamp(data: unknown, organizationId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => stamp(row, organizationId));
  const row = data as Record<string, unknown>;
  if ("organization" in row) throw new Error("tenantDb: create with organizationId, not an organization relation");
  if (row.organizationId !== undefined && row.organizationId !== organizationId)
    throw new Error("tenantDb: write into another organisation");
  return { ...row, organizationId };
}

declare const scoped: unique symbol;
/** The mark only tenantDb gives: a plain client or transaction lacks it, so the compiler refuses it where a scoped one is required. */
type Scoped = { readonly [scoped]: true };

/**
 * A tenant-scoped client or interactive transaction: what every helper that relies on the scoping takes
 * (it reads and writes tenant rows without naming the organisation). Only tenantDb makes one.
 */
export type TenantTx = Tx & Scoped;

type TransactionOptions = { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel };

/** A tenant-scoped client: the interactive transactions it opens are scoped too. */
export type TenantDb = Omit<Db, "$transaction" | "$extends"> &
  Scoped & {
    $transaction<R>(fn: (tx: TenantTx) => Promise<R>, options?: TransactionOptions): Promise<R>;
  };

// The extension only rewrites arguments, it adds no methods or result fields, so the scoped client has
// the plain client's shape; the brand in its type is what tells the two apart.
export function tenantDb(db: Db, organizationId: string): TenantDb {
  const scoped = db.$extends({
    name: "tenant",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const a = { ...(args as Args) };
          if (model === "Organization") {
            // The organisation itself: only its own row, and never by another id.
            if (a.where?.id !== undefined && a.where.id !== organizationId) throw new Error("tenantDb: another organisation's row");
            if (FILTERED.has(operation)) a.where = { ...a.where, id: organizationId };
            return query(a as typeof args);
          }
          if (!TENANT_MODELS.has(model)) return query(args);
          if (FILTERED.has(operation)) a.where = { ...a.where, organizationId };
          if (operation.startsWith("create") && a.data !== undefined) a.data = stamp(a.data, organizationId);
          if (operation === "upsert") a.create = stamp(a.create, organizationId);
          return query(a as typeof args);
        },
      },
    },
  });
  return scoped as unknown as TenantDb;
}

/**
 * Locks the organisation's row until the transaction ends: the one way per-organisation invariants
 * (seat limit, the unit tree, the last owner) are kept under concurrency.
 */
export async function lockOrganization(tx: TenantTx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
}
