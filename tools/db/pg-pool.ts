import pg from "pg";

// PostgreSQL's internal one-byte `"char"` type (OID 18) shows up in catalog queries, and the Prisma
// driver adapter has no mapping for it. Reporting such columns as `text` (OID 25) is exact: the value
// arrives as a one-character string either way.
const CHAR_OID = 18;
const TEXT_OID = 25;

type Fields = { dataTypeID: number }[] | undefined;

function relabelCharColumns<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as { fields?: Fields })?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // pg calls query() both with a trailing callback (Pool#query) and promise-style (transactions).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- overrides pg's overloaded query(), whose every signature must stay callable
  query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : relabelCharColumns(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(relabelCharColumns) : out;
  }
}

/** A pg pool whose results can be read by Prisma's schema engine (catalog queries included). */
export function catalogSafePool(config: pg.PoolConfig): pg.Pool {
  return new pg.Pool({ ...config, Client: CatalogSafeClient });
}
