import { inject } from "vitest";

// Services read configuration through lib/env.ts; point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-that-is-long-enough";
process.env.APP_URL ??= "http://localhost:3000";
