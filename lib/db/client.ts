import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept so they compose inside one transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    // Operations that take the organisation's lock queue behind each other (and for a pool connection)
    // under a burst; Prisma's default of 2 s to start a transaction turns that queue into errors.
    transactionOptions: { maxWait: 15_000, timeout: 15_000 },
  });
}

// One client per process; kept on globalThis so Next's dev reloads don't open a pool per reload.
const holder = globalThis as unknown as { pathwiseDb?: PrismaClient };

export function db(): PrismaClient {
  holder.pathwiseDb ??= createDb(env().DATABASE_URL);
  return holder.pathwiseDb;
}
