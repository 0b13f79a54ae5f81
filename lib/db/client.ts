import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept so they compose inside one transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

// One client per process; kept on globalThis so Next's dev reloads don't open a pool per reload.
const holder = globalThis as unknown as { pathwiseDb?: PrismaClient };

export function db(): PrismaClient {
  holder.pathwiseDb ??= createDb(env().DATABASE_URL);
  return holder.pathwiseDb;
}
