import { Prisma } from "./generated/client";

/** The database refused a duplicate of a unique key (a name, a slug, an email). */
export function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
