// Prisma CLI configuration. Only `prisma generate` runs through the CLI here; migrations run through
// Prisma's WebAssembly schema engine (scripts/db.ts), because the native engine cannot be downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
