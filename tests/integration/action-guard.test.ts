import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  FORM_TOO_LARGE,
  GENERIC_ERROR,
  guardMember,
  NO_PERMISSION,
  NOT_FOUND,
  REQUEST_REFUSED,
  runMemberAction,
  runPublicAction,
  runUserAction,
  SESSION_ENDED,
  type RequestFacts,
} from "../../lib/actions/core";
import { ALREADY_SUBMITTED, SUBMISSION_FIELD } from "../../lib/actions/submissions";
import type { Actor } from "../../lib/authz/actor";
import { findLiveMembership } from "../../lib/db/cross-tenant";
import { memberOf } from "../../lib/auth/member";
import { CURRENT_USER_SELECT } from "../../lib/auth/session";
import { env } from "../../lib/env";
import { CHECK_FIELDS, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { createGoal, createGoalSchema } from "../../lib/goals/goals";
import { settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { LIMITS } from "../../lib/security/rate-limit";
import { createOrganization } from "../factories";
import { createActor } from "../factories/actor";
import { testDb } from "../support/db";
import { english } from "../support/english";
import { recordFigures } from "../support/figures";
import { FORM_FIELDS_MAX } from "../../lib/web/request-bounds";

const db = testDb();
const OURS = () => new URL(env().APP_URL).origin;

/** The facts of a request by `userId` (null: signed out), looked up in the database the way the app's session and membership lookups do. */
function facts(userId: string | null, over: Partial<RequestFacts> = {}): RequestFacts {
  const currentUser = async () =>
    userId
      ? db.user.findUnique({
          where: { id: userId },
          select: CURRENT_USER_SELECT,
        })
      : null;
  return {
    origin: OURS(),
    clientAddress: "203.0.113.9",
    currentUser,
    currentMember: async (slug) => {
      const user = await currentUser();
      const membership = user && (await findLiveMembership(db, user.id, slug));
      return user && membership ? memberOf(user, membership) : null;
    },
    ...over,
  };
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const nameSchema = z.strictObject({ name: z.string().trim().min(1, "Enter a name").max(20, "At most 20 characters") });

/** A member action that records what reached it. */
function recorder() {
  const calls: { actor: Actor; input: z.infer<typeof nameSchema> }[] = [];
  const run = async (actor: Actor, input: z.infer<typeof nameSchema>) => {
    calls.push({ actor, input });
    return { ok: true as const, message: `Hello ${input.name}` };
  };
  return { calls, run };
}

let org: { id: string; slug: string };
let other: { id: string; slug: string };
let admin: Actor;
let coach: Actor;
let outsider: Actor;
beforeAll(async () => {
  org = await createOrganization(db, { name: "Guarded" });
  other = await createOrganization(db, { name: "Elsewhere" });
  admin = await createActor(db, org.id, "ADMIN");
  coach = await createActor(db, org.id, "COACH");
  outsider = await createActor(db, other.id, "OWNER");
});

describe("the action guard: origin", () => {
  it("refuses a missing, `null` or foreign Origin before anything runs, for member, user and public actions", async () => {
    for (const origin of [null, "null", "https://evil.example", `${OURS()}.evil.example`, OURS().replace("http:", "https:")]) {
      const { calls, run } = recorder();
      const f = facts(admin.userId, { origin });
      expect(await runMemberAction(f, "users:view", nameSchema, run, form({ org: org.slug, name: "Ada" })), String(origin)).toEqual({
        ok: false,
        error: REQUEST_REFUSED,
      });
      expect(await runUserAction(f, nameSchema, async () => void calls.push({} as never), form({ name: "Ada" }))).toEqual({
        ok: false,
        error: REQUEST_REFUSED,
      });
      expect(await runPublicAction(f, nameSchema, async () => void calls.push({} as never), form({ name: "Ada" }))).toEqual({
        ok: false,
        error: REQUEST_REFUSED,
      });
      expect(calls).toEqual([]);
    }
  });

  it("lets our own origin through (the positive control)", async () => {
    const { calls, run } = recorder();
    expect(await runMemberAction(facts(admin.userId), "users:view", nameSchema, run, form({ org: org.slug, name: "Ada" }))).toEqual({
      ok: true,
      message: "Hello Ada",
    });
    expect(
      await runUserAction(facts(admin.userId), nameSchema, async (user) => ({ ok: true, data: user.id }), form({ name: "Ada" })),
    ).toEqual({ ok: true, data: admin.userId });
    expect(
      await runPublicAction(
        facts(null),
        nameSchema,
        async (input, ip) => ({ ok: true, data: `${input.name}@${ip}` }),
        form({ name: "Ada" }),
      ),
    ).toEqual({ ok: true, data: "Ada@203.0.113.9" });
    expect(calls).toHaveLength(1);
  });
});

describe("the action guard: session, membership, permission", () => {
  it("answers a request with no session: sign in again", async () => {
    const { calls, run } = recorder();
    expect(await runMemberAction(facts(null), "users:view", nameSchema, run, form({ org: org.slug, name: "Ada" }))).toEqual({
      ok: false,
      error: SESSION_ENDED,
    });
    expect(await runUserAction(facts(null), nameSchema, async () => undefined, form({ name: "Ada" }))).toEqual({
      ok: false,
      error: SESSION_ENDED,
    });
    expect(calls).toEqual([]);
  });

  it("answers a member of another organisation exactly like an organisation that does not exist", async () => {
    const { calls, run } = recorder();
    const foreign = await runMemberAction(facts(outsider.userId), "users:view", nameSchema, run, form({ org: org.slug, name: "Ada" }));
    const missing = await runMemberAction(
      facts(outsider.userId),
      "users:view",
      nameSchema,
      run,
      form({ org: "no-such-organisation", name: "Ada" }),
    );
    const none = await runMemberAction(facts(outsider.userId), "users:view", nameSchema, run, form({ name: "Ada" }));
    expect(foreign).toEqual({ ok: false, error: NOT_FOUND });
    expect(missing).toEqual(foreign);
    expect(none).toEqual(foreign);
    // A deactivated member is no member.
    const gone = await createActor(db, org.id, "ADMIN");
    await db.membership.updateMany({ where: { organizationId: org.id, id: gone.membershipId }, data: { status: "DEACTIVATED" } });
    expect(await runMemberAction(facts(gone.userId), "users:view", nameSchema, run, form({ org: org.slug, name: "Ada" }))).toEqual(foreign);
    expect(calls).toEqual([]);
  });

  it("refuses a member without the permission, and lets one with it through", async () => {
    const { calls, run } = recorder();
    expect(await runMemberAction(facts(coach.userId), "users:manage", nameSchema, run, form({ org: org.slug, name: "Ada" }))).toEqual({
      ok: false,
      error: NO_PERMISSION,
    });
    expect(calls).toEqual([]);
    expect((await runMemberAction(facts(coach.userId), "sessions:manage", nameSchema, run, form({ org: org.slug, name: "Ada" }))).ok).toBe(
      true,
    );
    expect(calls).toHaveLength(1);
  });

  it("takes a list of permissions as any one of them: each role that holds one passes, a role holding none is refused", async () => {
    const participant = await createActor(db, org.id, "PARTICIPANT");
    const either = ["coachees:manage", "goals:own"] as const;
    const { calls, run } = recorder();
    const call = (userId: string, permission: typeof either | readonly ["users:manage", "goals:own"]) =>
      runMemberAction(facts(userId), permission, nameSchema, run, form({ org: org.slug, name: "Ada" }));
    // Neither of the two is the admin's: refused, nothing runs.
    expect(await call(admin.userId, either)).toEqual({ ok: false, error: NO_PERMISSION });
    expect(calls).toEqual([]);
    // The positive controls: the coach holds the first, the participant the second, the admin the first of another list.
    expect(await call(coach.userId, either)).toEqual({ ok: true, message: "Hello Ada" });
    expect(await call(participant.userId, either)).toEqual({ ok: true, message: "Hello Ada" });
    expect(await call(admin.userId, ["users:manage", "goals:own"])).toEqual({ ok: true, message: "Hello Ada" });
    expect(calls.map((c) => c.actor.role)).toEqual(["COACH", "PARTICIPANT", "ADMIN"]);
    // An empty list is no permission at all.
    expect(await runMemberAction(facts(admin.userId), [], nameSchema, run, form({ org: org.slug, name: "Ada" }))).toEqual({
      ok: false,
      error: NO_PERMISSION,
    });
    // Another organisation's member answers "not found" whatever the list.
    expect(await call(outsider.userId, either)).toEqual({ ok: false, error: NOT_FOUND });
    expect(calls).toHaveLength(3);
  });

  it("hands the service the actor of the membership it found: its organisation, never one the form names", async () => {
    const { calls, run } = recorder();
    await runMemberAction(facts(admin.userId), "users:view", nameSchema, run, form({ org: org.slug, name: "Ada" }));
    expect(calls[0].actor).toEqual({
      userId: admin.userId,
      membershipId: admin.membershipId,
      organizationId: org.id,
      role: "ADMIN",
      ipAddress: "203.0.113.9",
    });
    // An organizationId in the form is an unknown field to a strict schema, not a way in.
    expect(
      await runMemberAction(
        facts(admin.userId),
        "users:view",
        nameSchema,
        run,
        form({ org: org.slug, name: "Ada", organizationId: other.id }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { form: [expect.any(String)] } });
  });

  it("guards route handlers the same way: downloads skip the origin check, everything else is the same", async () => {
    const get = (userId: string | null, slug: string) =>
      guardMember(facts(userId, { origin: null }), slug, "users:view", { checkOrigin: false });
    expect(await get(admin.userId, org.slug)).toMatchObject({ ok: true, actor: { organizationId: org.id } });
    expect(await get(outsider.userId, org.slug)).toEqual({ ok: false, refusal: { ok: false, error: NOT_FOUND }, status: 404 });
    expect(await get(null, org.slug)).toEqual({ ok: false, refusal: { ok: false, error: SESSION_ENDED }, status: 401 });
    expect(await guardMember(facts(coach.userId, { origin: null }), org.slug, "users:view", { checkOrigin: false })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await guardMember(facts(admin.userId, { origin: null }), org.slug, "users:view")).toMatchObject({
      ok: false,
      refusal: { error: REQUEST_REFUSED },
      status: 403,
    });
  });
});

describe("the action guard: input and errors", () => {
  it("answers bad input with a message per field and runs nothing", async () => {
    const { calls, run } = recorder();
    const result = await runMemberAction(facts(admin.userId), "users:view", nameSchema, run, form({ org: org.slug, name: "x".repeat(21) }));
    expect(english(result)).toEqual({
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: { name: ["At most 20 characters"] },
    });
    // A field the schema gave no message for: zod's own words never reach the person, a message key does.
    const missing = await runMemberAction(facts(admin.userId), "users:view", nameSchema, run, form({ org: org.slug }));
    expect(missing).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/^@Server\.input\./)] } });
    expect(english(missing)).toMatchObject({ fieldErrors: { name: ["This value is not valid"] } });
    expect(calls).toEqual([]);
  });

  it("drops NUL from every value and ignores Next's own fields and the organisation field", async () => {
    const { calls, run } = recorder();
    await runMemberAction(
      facts(admin.userId),
      "users:view",
      nameSchema,
      run,
      form({ org: org.slug, $ACTION_ID_abc: "", name: "A\u0000da" }),
    );
    expect(calls[0].input).toEqual({ name: "Ada" });
  });

  it("shows expected errors with their own message, field errors next to their field", async () => {
    const fail = (error: Error) =>
      runMemberAction(
        facts(admin.userId),
        "users:view",
        nameSchema,
        async () => Promise.reject(error),
        form({ org: org.slug, name: "Ada" }),
      );
    expect(english(await fail(new NotFoundError()))).toEqual({ ok: false, error: "Not found" });
    expect(await fail(new ForbiddenError("Only an owner can change an owner."))).toEqual({
      ok: false,
      error: "Only an owner can change an owner.",
    });
    expect(english(await fail(new ValidationError(CHECK_FIELDS, { name: ["Taken"] })))).toEqual({
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: { name: ["Taken"] },
    });
  });

  it("turns anything unexpected into the generic message, leaking nothing of it", async () => {
    const secret = 'relation "secret_internal_table" does not exist at 10.0.0.7';
    const logged: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const result = await runMemberAction(
        facts(admin.userId),
        "users:view",
        nameSchema,
        async () => Promise.reject(new Error(secret)),
        form({ org: org.slug, name: "Ada" }),
      );
      expect(result).toEqual({ ok: false, error: GENERIC_ERROR });
      expect(JSON.stringify(result)).not.toContain("secret");
      const publicResult = await runPublicAction(
        facts(null),
        nameSchema,
        async () => Promise.reject(new TypeError(secret)),
        form({ name: "Ada" }),
      );
      expect(publicResult).toEqual({ ok: false, error: GENERIC_ERROR });
    } finally {
      console.error = log;
    }
    // The detail goes to the server's log instead.
    expect(JSON.stringify(logged.map(String))).toContain("secret_internal_table");
  });

  it("lets the framework's control flow (a redirect) through instead of reporting it", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/acme;307;" });
    const rethrow = (error: unknown) => {
      if (error === redirect) throw error;
    };
    await expect(
      runMemberAction(
        facts(admin.userId, { rethrow }),
        "users:view",
        nameSchema,
        async () => Promise.reject(redirect),
        form({ org: org.slug, name: "Ada" }),
      ),
    ).rejects.toBe(redirect);
  });

  it("runs a real service end to end, and a refused request changes nothing", async () => {
    const settings = form({
      org: org.slug,
      name: "Guarded Renamed",
      invitationExpiryDays: "9",
      defaultInvitationMessage: "",
      implementationAdminDomains: "",
    });
    const save = (f: RequestFacts) =>
      runMemberAction(
        f,
        "settings:manage",
        settingsSchema,
        async (actor, input) => void (await updateSettings(db, actor, input)),
        settings,
      );
    expect(await save(facts(admin.userId, { origin: "https://evil.example" }))).toEqual({ ok: false, error: REQUEST_REFUSED });
    expect(await save(facts(outsider.userId))).toEqual({ ok: false, error: NOT_FOUND });
    expect(await save(facts(coach.userId))).toEqual({ ok: false, error: NO_PERMISSION });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Guarded");
    expect(await save(facts(admin.userId))).toEqual({ ok: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).invitationExpiryDays).toBe(9);
  });
});

/** A form that counts how often a value is read (get, getAll, entries, values), to show a refusal came before any. */
class WatchedForm extends FormData {
  reads = 0;
  override get(name: string) {
    this.reads++;
    return super.get(name);
  }
  override getAll(name: string) {
    this.reads++;
    return super.getAll(name);
  }
  override entries() {
    this.reads++;
    return super.entries();
  }
  override values() {
    this.reads++;
    return super.values();
  }
  override [Symbol.iterator]() {
    this.reads++;
    return super[Symbol.iterator]();
  }
}

/** `org` and `name`, then `extra` more fields named with `marker` (ticks of one list when `ticks`). */
function bigForm(extra: number, marker: string, { ticks = false } = {}): WatchedForm {
  const data = new WatchedForm();
  data.append("org", org.slug);
  data.append("name", "Ada");
  for (let i = 0; i < extra; i++) data.append(ticks ? "tick" : `${marker}${i}`, `${marker}-value-${i}`);
  return data;
}

const tickSchema = z.strictObject({
  name: z.string(),
  tick: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.string()).max(FORM_FIELDS_MAX)),
});

describe("the action guard: bounds", () => {
  // Random, so no part of the app's own words can contain it.
  const marker = `fld${crypto.randomUUID().slice(0, 8)}`;
  let tried = 0;
  let breached = 0;
  const overBound = (result: unknown) => {
    tried++;
    if (JSON.stringify(result) !== JSON.stringify({ ok: false, error: FORM_TOO_LARGE })) breached++;
  };

  it("takes a form of exactly the most fields any form has, for member, user and public actions", async () => {
    const { calls } = recorder();
    const atCap = () => bigForm(FORM_FIELDS_MAX - 2, marker, { ticks: true });
    const runTicks = async (_actor: Actor, input: z.infer<typeof tickSchema>) =>
      void calls.push({ actor: admin, input: { name: input.tick.length.toString() } });
    expect(await runMemberAction(facts(admin.userId), "users:view", tickSchema, runTicks, atCap())).toEqual({ ok: true });
    expect(
      await runUserAction(facts(admin.userId), tickSchema, async (_user, input) => ({ ok: true, data: input.tick.length }), atCap()),
    ).toEqual({
      ok: true,
      // The public and user forms carry no `org`: one more tick is still within the cap.
      data: FORM_FIELDS_MAX - 2,
    });
    expect(await runPublicAction(facts(null), tickSchema, async (input) => ({ ok: true, data: input.tick.length }), atCap())).toEqual({
      ok: true,
      data: FORM_FIELDS_MAX - 2,
    });
    expect(calls.map((c) => c.input.name)).toEqual([String(FORM_FIELDS_MAX - 2)]);
  });

  it("refuses one field past it, and a flood, before reading any field or the session, with a message that echoes nothing", async () => {
    for (const extra of [FORM_FIELDS_MAX - 1, 8_000]) {
      const { calls, run } = recorder();
      let sessionLookups = 0;
      const watched = facts(admin.userId, {
        currentUser: async () => {
          sessionLookups++;
          return null;
        },
        currentMember: async () => {
          sessionLookups++;
          return null;
        },
      });
      const forms = [bigForm(extra, marker), bigForm(extra, marker), bigForm(extra, marker)];
      const results = [
        await runMemberAction(watched, "users:view", nameSchema, run, forms[0]),
        await runUserAction(watched, nameSchema, async () => void calls.push({} as never), forms[1]),
        await runPublicAction(watched, nameSchema, async () => void calls.push({} as never), forms[2]),
      ];
      for (const result of results) {
        overBound(result);
        expect(result, `${extra} extra fields`).toEqual({ ok: false, error: FORM_TOO_LARGE });
        expect(JSON.stringify(result)).not.toContain(marker);
      }
      expect(forms.map((f) => f.reads)).toEqual([0, 0, 0]);
      expect(sessionLookups).toBe(0);
      expect(calls).toEqual([]);
    }
  });

  it("refuses unexpected fields under the cap without naming them", async () => {
    const { calls, run } = recorder();
    const result = await runMemberAction(facts(admin.userId), "users:view", nameSchema, run, bigForm(50, marker));
    expect(english(result)).toMatchObject({
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: { form: [expect.any(String)] },
    });
    expect(JSON.stringify(result)).not.toContain(marker);
    expect(calls).toEqual([]);
  });

  it("a real service behind a flood changes nothing; the same form within the cap goes through", async () => {
    const settings = (extra: number) => {
      const data = form({
        org: org.slug,
        name: "Flooded",
        invitationExpiryDays: "11",
        defaultInvitationMessage: "",
        implementationAdminDomains: "",
      });
      for (let i = 0; i < extra; i++) data.append("implementationAdminDomains", "");
      return data;
    };
    const save = (data: FormData) =>
      runMemberAction(
        facts(admin.userId),
        "settings:manage",
        settingsSchema,
        async (actor, input) => void (await updateSettings(db, actor, input)),
        data,
      );
    const before = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    const refused = await save(settings(FORM_FIELDS_MAX));
    overBound(refused);
    expect(refused).toEqual({ ok: false, error: FORM_TOO_LARGE });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toEqual(before);
    // Positive control: the same form with its own fields only.
    expect(await save(settings(0))).toEqual({ ok: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).invitationExpiryDays).toBe(11);
    await db.organization.update({ where: { id: org.id }, data: { name: before.name, invitationExpiryDays: before.invitationExpiryDays } });
    recordFigures("form-bounds", { boundsTried: tried, boundsBreached: breached });
    expect(tried).toBeGreaterThan(0);
    expect(breached).toBe(0);
  });
});

describe("the action guard: one submission does its work once", () => {
  const key = () => randomBytes(16).toString("hex");
  /** A participant's own new goal, through the guard with the form's submission key. */
  async function goalForm() {
    const coachee = await createActor(db, org.id, "PARTICIPANT");
    const submit = (fields: Record<string, string>) =>
      runMemberAction(
        facts(coachee.userId),
        "goals:own",
        createGoalSchema,
        async (actor, input) => {
          await createGoal(db, actor, input);
          return { ok: true, message: "Goal added." };
        },
        form({ org: org.slug, coacheeMembershipId: coachee.membershipId, description: "", dueDate: "", ...fields }),
      );
    const goals = () => db.goal.count({ where: { coacheeMembershipId: coachee.membershipId } });
    return { coachee, submit, goals };
  }

  it("creates one goal from a double click: two posts of one filled-in form at once, and a late repeat", async () => {
    const { submit, goals } = await goalForm();
    const k = key();
    const answers = await Promise.all([submit({ title: "Run", [SUBMISSION_FIELD]: k }), submit({ title: "Run", [SUBMISSION_FIELD]: k })]);
    expect(answers.filter((a) => a.ok && !a.duplicate)).toHaveLength(1);
    expect(answers.filter((a) => a.ok && a.duplicate)).toEqual([{ ok: true, message: ALREADY_SUBMITTED, duplicate: true }]);
    expect(await submit({ title: "Run", [SUBMISSION_FIELD]: k })).toMatchObject({ duplicate: true });
    expect(await goals()).toBe(1);
    // The positive control: the next filling-in (a new key), and a form with no key, each add one.
    expect(await submit({ title: "Run", [SUBMISSION_FIELD]: key() })).toEqual({ ok: true, message: "Goal added." });
    expect(await submit({ title: "Run" })).toEqual({ ok: true, message: "Goal added." });
    expect(await goals()).toBe(3);
  });

  it("gives the key back when the submission is refused, so the corrected form goes through once", async () => {
    const { submit, goals } = await goalForm();
    const k = key();
    expect(await submit({ title: "", [SUBMISSION_FIELD]: k })).toMatchObject({ ok: false, fieldErrors: { title: expect.any(Array) } });
    expect(await submit({ title: "x".repeat(10_000), [SUBMISSION_FIELD]: k })).toMatchObject({ ok: false });
    expect(await goals()).toBe(0);
    expect(await submit({ title: "Run", [SUBMISSION_FIELD]: k })).toEqual({ ok: true, message: "Goal added." });
    expect(await submit({ title: "Run", [SUBMISSION_FIELD]: k })).toMatchObject({ duplicate: true });
    expect(await goals()).toBe(1);
  });

  it("keeps the keys of different people apart, and ignores a malformed key", async () => {
    const one = await goalForm();
    const two = await goalForm();
    const k = key();
    expect(await one.submit({ title: "Run", [SUBMISSION_FIELD]: k })).toMatchObject({ ok: true });
    expect(await two.submit({ title: "Run", [SUBMISSION_FIELD]: k })).toEqual({ ok: true, message: "Goal added." });
    for (const bad of ["short", "x".repeat(65), "a b c d e f g h i j"]) {
      expect(await one.submit({ title: "Run", [SUBMISSION_FIELD]: bad })).toEqual({ ok: true, message: "Goal added." });
      expect(await one.submit({ title: "Run", [SUBMISSION_FIELD]: bad })).toEqual({ ok: true, message: "Goal added." });
    }
    expect(await one.goals()).toBe(7);
    expect(await two.goals()).toBe(1);
  });
});

describe("the action guard: anonymous posts cannot grow the submission table", () => {
  const key = () => randomBytes(16).toString("hex");
  const { limit } = LIMITS.publicSubmissionsPerAddress;
  /** An address of its own for each test (an IPv6 /64 nobody else here uses). */
  const address = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::7`;
  /** A public form's post from `clientAddress`, with the submission key `k`; counts the work it did. */
  function publicForm(clientAddress: string | null) {
    let runs = 0;
    const post = (k: string) =>
      runPublicAction(
        facts(null, { clientAddress }),
        nameSchema,
        async () => {
          runs++;
          return { ok: true, message: "Sent." };
        },
        form({ name: "Ada", [SUBMISSION_FIELD]: k }),
      );
    return { post, runs: () => runs };
  }
  const stored = (keys: string[]) => db.formSubmission.count({ where: { key: { in: keys.map((k) => `anyone:${k}`) } } });

  it("stores at most the per-address limit of keys from a flood of posts, each with a new key; every post is still served", async () => {
    const flood = publicForm(address());
    const keys = Array.from({ length: limit + 70 }, key);
    for (const k of keys) expect(await flood.post(k)).toEqual({ ok: true, message: "Sent." });
    expect(flood.runs()).toBe(keys.length);
    expect(await stored(keys)).toBe(limit);
    // A client whose address is unknown shares one bucket: bounded the same way.
    const unknown = publicForm(null);
    const unknownKeys = Array.from({ length: limit + 10 }, key);
    for (const k of unknownKeys) await unknown.post(k);
    expect(await stored(unknownKeys)).toBeLessThanOrEqual(limit);
    recordFigures("form-bounds", {
      boundsTried: 2,
      boundsBreached: (await stored(keys)) > limit || (await stored(unknownKeys)) > limit ? 1 : 0,
    });
  });

  it("still does a public form's double submit once within the limit, and a member's double submit once beside a flood", async () => {
    const from = address();
    const visitor = publicForm(from);
    const k = key();
    const answers = await Promise.all([visitor.post(k), visitor.post(k)]);
    expect(answers.filter((a) => a.ok && a.duplicate)).toEqual([{ ok: true, message: ALREADY_SUBMITTED, duplicate: true }]);
    expect(visitor.runs()).toBe(1);
    // Past the limit, the address's posts go through unguarded (what the bound costs)...
    for (let i = 0; i < limit; i++) await visitor.post(key());
    const late = key();
    await Promise.all([visitor.post(late), visitor.post(late)]);
    expect(visitor.runs()).toBe(1 + limit + 2);
    expect(await stored([late])).toBe(0);
    // ...while a signed-in member at the same address keeps the guard: one goal from a double submit.
    const coachee = await createActor(db, org.id, "PARTICIPANT");
    const m = key();
    const goal = () =>
      runMemberAction(
        facts(coachee.userId, { clientAddress: from }),
        "goals:own",
        createGoalSchema,
        async (actor, input) => {
          await createGoal(db, actor, input);
          return { ok: true, message: "Goal added." };
        },
        form({
          org: org.slug,
          coacheeMembershipId: coachee.membershipId,
          title: "Run",
          description: "",
          dueDate: "",
          [SUBMISSION_FIELD]: m,
        }),
      );
    const memberAnswers = await Promise.all([goal(), goal()]);
    expect(memberAnswers.filter((a) => a.ok && !a.duplicate)).toHaveLength(1);
    expect(await db.goal.count({ where: { coacheeMembershipId: coachee.membershipId } })).toBe(1);
  });
});
