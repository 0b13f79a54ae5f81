// Benchmark of bounds, against the production build served as `npm run serve` serves it (run
// `npx next build` first):
//
//   npm run bench:bounds   (FIELDS=8000 FLOODERS=8 RUNS=60 PORT=3390 to change them; ONLY=flood or ONLY=goals)
//
// The anonymous form flood of issue 22: FLOODERS parallel password-reset posts, each with FIELDS extra
// form fields (~1 MB), sent again as soon as each is answered, while a visitor loads /sign-in. It prints
// the p50/p95 of that GET /sign-in before and during the flood (the goal: p95 within 2x of before), what
// the flood was answered and how long a refusal took. Each figure comes from requests actually sent;
// it never fails on machine speed.
//
// Then the Goals pages (the coachee's own and the coach's tab on the profile), with one goal holding
// 100, 1,000 and the cap's actions in all (lib/goals/limits.ts): bytes, p50/p95 time, bytes per shown
// action, and the server's peak memory (VmHWM, read from /proc).
//
// The bench is a list of sections, each given the running server.
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startAppServer, type AppServer } from "../tests/support/app-server";
import { createDb } from "../lib/db/client";
import { GOAL_LIMITS } from "../lib/goals/limits";
import { seedDemo } from "../prisma/seed";
import { percentiles } from "./support";

const FIELDS = Number(process.env.FIELDS ?? 8_000);
const FLOODERS = Number(process.env.FLOODERS ?? 8);
const RUNS = Number(process.env.RUNS ?? 60);
const PORT = Number(process.env.PORT ?? 3390);

export type BenchSection = { title: string; run: (app: AppServer) => Promise<void> };

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The password-reset action's id, from the build's manifest of server actions. */
function passwordResetActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => "app/forgot-password/page" in entry.workers && (entry.exportedName ?? "requestResetAction") === "requestResetAction",
  );
  if (!found) throw new Error("No password-reset action in the build: run `npx next build`.");
  return found[0];
}

/** The reset form as the browser's action call sends it, with `extra` more fields of its own. */
function floodForm(extra: number): FormData {
  const form = new FormData();
  // React reads an action's form argument from the fields named `_1_…` that come before the part
  // referring to it (`0`).
  for (let i = 0; i < extra; i++) form.append(`_1_field${i}`, `value-${i}`);
  form.append("_1_email", "nobody@example.test");
  form.append("0", JSON.stringify([null, "$K1"]));
  return form;
}

const flood: BenchSection = {
  title: `The anonymous form flood: ${FLOODERS} parallel password-reset posts of ${FIELDS.toLocaleString("en")} extra fields`,
  async run(app) {
    const actionId = passwordResetActionId();
    const signIn = async () => {
      const response = await fetch(`${app.url}/sign-in`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET /sign-in answered ${response.status}`);
    };
    const before = await percentiles(signIn, RUNS);

    const body = new Response(floodForm(FIELDS));
    const contentType = body.headers.get("content-type")!;
    const payload = Buffer.from(await body.arrayBuffer());
    let flooding = true;
    const answers = new Map<string, number>();
    const answerTimes: number[] = [];
    const count = (answer: string) => answers.set(answer, (answers.get(answer) ?? 0) + 1);
    const post = async () => {
      const start = performance.now();
      try {
        const response = await fetch(`${app.url}/forgot-password`, {
          method: "POST",
          headers: { "Next-Action": actionId, Origin: app.url, "Content-Type": contentType, Accept: "text/x-component" },
          body: payload,
        });
        const text = await response.text();
        count(
          `${response.status} ${text.includes("This form sent more") ? "refused (too many fields)" : text.includes("If an account") ? "ACCEPTED" : "other"}`,
        );
      } catch (error) {
        // A connection the server closed is an answer too (and counted as one), not the end of the bench.
        count(`no answer (${(error as { cause?: { code?: string } }).cause?.code ?? String(error)})`);
      }
      answerTimes.push(performance.now() - start);
    };
    const flooders = Array.from({ length: FLOODERS }, async () => {
      while (flooding) await post();
    });
    // Let the flood start before measuring.
    while (answerTimes.length < FLOODERS) await new Promise((r) => setTimeout(r, 20));
    const during = await percentiles(signIn, RUNS);
    flooding = false;
    await Promise.all(flooders);

    answerTimes.sort((a, b) => a - b);
    console.log(`  body of each post: ${(payload.length / 1024 / 1024).toFixed(2)} MB`);
    console.log(`  GET /sign-in before the flood: p50 ${ms(before.p50)}, p95 ${ms(before.p95)} (${RUNS} runs)`);
    console.log(`  GET /sign-in during the flood: p50 ${ms(during.p50)}, p95 ${ms(during.p95)} (${RUNS} runs)`);
    console.log(`  p95 during / before: ${(during.p95 / before.p95).toFixed(2)}x (goal: at most 2x)`);
    console.log(`  flood posts answered: ${[...answers].map(([a, n]) => `${n} x ${a}`).join(", ")}`);
    console.log(
      `  time to answer a flood post (under the flood itself): p50 ${ms(answerTimes[Math.floor(answerTimes.length / 2)])}, p95 ${ms(answerTimes[Math.floor(answerTimes.length * 0.95)])}`,
    );
  },
};

/** A demo member's session cookies, from a credentials sign-in over HTTP. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies(), Origin: base },
    body: new URLSearchParams({ csrfToken, email, password: "pathwise-demo-2026", json: "true" }),
  });
  keep(signedIn);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`could not sign in as ${email}`);
  return cookies();
}

/** The largest peak resident set (VmHWM) among the server's processes, in MB. */
function peakServerMemoryMB(pid: number): number {
  const tree = (p: number): number[] => {
    const children = readdirSync(`/proc/${p}/task`).flatMap((t) =>
      readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
    return [p, ...children.flatMap(tree)];
  };
  const peaks = tree(pid).map((p) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0));
  return Math.max(...peaks) / 1024;
}

const goalsPages: BenchSection = {
  title: "The Goals pages: one goal of 30 milestones holding 100, 1,000 and the cap's actions",
  async run(app) {
    const db = createDb(app.databaseUrl);
    await seedDemo(db);
    const member = (email: string) =>
      db.membership.findFirstOrThrow({
        where: { user: { email }, organization: { slug: "acme" } },
        select: { id: true, organizationId: true },
      });
    const pat = await member("pat@acme.test");
    const goal = await db.goal.create({
      data: { organizationId: pat.organizationId, coacheeMembershipId: pat.id, title: "Bench goal", createdByMembershipId: pat.id },
    });
    await db.milestone.createMany({
      data: Array.from({ length: GOAL_LIMITS.milestonesPerGoal }, (_, i) => ({
        organizationId: pat.organizationId,
        goalId: goal.id,
        title: `Milestone ${i}`,
        position: i,
      })),
    });
    const milestones = await db.milestone.findMany({
      where: { organizationId: pat.organizationId, goalId: goal.id },
      select: { id: true },
    });
    const cookies = { pat: await signIn(app.url, "pat@acme.test"), carla: await signIn(app.url, "coach1@acme.test") };
    const pages = [
      { who: "participant", path: `/acme/goals?goal=${goal.id}`, cookie: cookies.pat },
      { who: "coach", path: `/acme/coachees/${pat.id}?tab=goals&goal=${goal.id}`, cookie: cookies.carla },
    ];
    let made = 0;
    for (const total of [100, 1_000, GOAL_LIMITS.actionsPerCoachee]) {
      const rows = Array.from({ length: total - made }, (_, i) => ({
        organizationId: pat.organizationId,
        coacheeMembershipId: pat.id,
        goalId: goal.id,
        milestoneId: milestones[(made + i) % milestones.length].id,
        title: `Action ${made + i} ${"x".repeat(150)}`,
        description: "d".repeat(1000),
        position: made + i,
        createdByMembershipId: pat.id,
      }));
      for (let i = 0; i < rows.length; i += 1000) await db.action.createMany({ data: rows.slice(i, i + 1000) });
      made = total;
      for (const page of pages) {
        let bytes = 0;
        let shown = 0;
        const load = async () => {
          const response = await fetch(`${app.url}${page.path}`, { headers: { Cookie: page.cookie } });
          const html = await response.text();
          if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
          bytes = Buffer.byteLength(html);
          shown = html.match(/<li id="action-/g)?.length ?? 0;
        };
        const time = await percentiles(load, 10);
        console.log(
          `  ${total.toLocaleString("en")} actions, the ${page.who}: ${(bytes / 1024).toFixed(0)} KB, ${shown} actions shown ` +
            `(${(bytes / Math.max(1, shown) / 1024).toFixed(1)} KB each), p50 ${ms(time.p50)}, p95 ${ms(time.p95)}`,
        );
      }
    }
    console.log(`  the server's peak resident memory so far: ${peakServerMemoryMB(app.pid).toFixed(0)} MB`);
    await db.$disconnect();
  },
};

/** The sections this bench runs, in order (ONLY=flood or ONLY=goals runs one). */
const SECTIONS: BenchSection[] = [flood, goalsPages].filter((_, i) => !process.env.ONLY || process.env.ONLY === ["flood", "goals"][i]);

async function main() {
  const app = await startAppServer(PORT);
  try {
    for (const section of SECTIONS) {
      console.log(`\n${section.title}`);
      await section.run(app);
    }
    const logged = app.errors().trim();
    console.log(`\nServer error output: ${logged ? `\n${logged}` : "none"}`);
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
