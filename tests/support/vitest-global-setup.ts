import type { TestProject } from "vitest/node";
import { createDatabase, findServer } from "./postgres";
import { runScript } from "./run-script";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
    embedded: boolean;
  }
}

// One fresh database for the integration run, migrated by the same path as `npm run db:migrate`,
// dropped afterwards.
export default async function setup(project: TestProject) {
  const server = await findServer();
  const database = await createDatabase(server, "pathwise_test");
  const migrated = await runScript("db.ts", ["migrate"], { DATABASE_URL: database.url });
  if (migrated.code !== 0) throw new Error(`db:migrate failed:\n${migrated.stdout}\n${migrated.stderr}`);
  project.provide("databaseUrl", database.url);
  project.provide("serverUrl", server.url);
  project.provide("embedded", server.embedded);
  return async () => {
    await database.drop();
    await server.stop();
  };
}
