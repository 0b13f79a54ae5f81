// npm run db:migrate | db:migration <name> | db:check | db:seed
// Migrations run through Prisma's WebAssembly schema engine (see tools/db/schema-engine.ts).
import path from "node:path";
import { createDb } from "../lib/db/client";
import { EMBEDDED_DATA_DIR, LOCAL_POSTGRES_URL, startEmbeddedDatabase } from "../tools/db/embedded";
import { applyMigrations, createMigration, schemaDrift } from "../tools/db/schema-engine";
import { seedDemo } from "../prisma/seed";

/** DATABASE_URL, or the embedded database (started for the duration of `run`). */
async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  console.log(`DATABASE_URL is not set: using the embedded database in ${path.relative(".", EMBEDDED_DATA_DIR)}`);
  const embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR });
  try {
    return await run(embedded.url);
  } finally {
    await embedded.stop();
  }
}

// Comparing migrations with the schema needs a throwaway shadow database, which only a real
// PostgreSQL server can create.
const serverUrl = () => process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async migrate() {
    const applied = await withDatabase((url) => applyMigrations(url));
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
    return 0;
  },
  async create([name]) {
    if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
      console.error("Usage: npm run db:migration <name>   (letters, digits, - and _)");
      return 2;
    }
    const folder = await createMigration(serverUrl(), name);
    console.log(
      folder
        ? `Wrote prisma/migrations/${folder}/migration.sql: review it, then npm run db:migrate.`
        : "schema.prisma matches the migrations: nothing to write.",
    );
    return 0;
  },
  async check(args) {
    // --schema <file> checks another copy of the schema (the tests use it on a drifted copy).
    const at = args.indexOf("--schema");
    const drift = await schemaDrift(serverUrl(), at >= 0 && args[at + 1] ? { schemaPath: path.resolve(args[at + 1]) } : {});
    if (!drift) {
      console.log("db:check: schema.prisma and prisma/migrations agree.");
      return 0;
    }
    console.error("db:check: schema.prisma and prisma/migrations disagree. Run `npm run db:migration <name>` to write");
    console.error("a migration for the change. The SQL the migrations are missing:\n");
    console.error(drift);
    return 1;
  },
  async seed() {
    await withDatabase(async (url) => {
      const db = createDb(url);
      try {
        console.log((await seedDemo(db)) ? "Seeded the demo organisation." : "The demo organisation already exists.");
      } finally {
        await db.$disconnect();
      }
    });
    return 0;
  },
};

const [command, ...args] = process.argv.slice(2);
const run = commands[command ?? ""];
if (!run) {
  console.error(`Unknown command "${command ?? ""}". Use one of: ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
// The schema engine leaves timers behind: exit explicitly once the work is done.
run(args).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
