import { Prisma } from "./generated/client";

/** The database refused a duplicate of a unique key (a name, a slug, an email). */
export function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The database refused a row that an exclusion constraint keeps apart from another (`constraint`: its name). */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string; originalMessage?: string } } | undefined)?.cause;
  return cause?.originalCode === "23P01" && (cause.originalMessage ?? "").includes(`"${constraint}"`);
}
