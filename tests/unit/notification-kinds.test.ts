import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderEmail } from "../../emails";
import { AUDIENCE, DEFAULT_DELIVERY, NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, pathOf } from "../../lib/notifications/kinds";
import { notificationSentence, notificationSummary, notificationThing } from "../../lib/notifications/sentence";
import { NotificationDelivery } from "../../lib/db/generated/enums";
import { readerFor } from "../../lib/i18n/translator";
import messages from "../../messages/en.json";

const en = await readerFor("en");

const coachee = "11111111-1111-4111-8111-111111111111";
const coach = "22222222-2222-4222-8222-222222222222";
const thing = "33333333-3333-4333-8333-333333333333";

describe("notification kinds", () => {
  it("each have a label, a default delivery and an audience; every delivery has a label", () => {
    expect(Object.keys(messages.Labels.notificationKind).sort()).toEqual(
      NOTIFICATION_KINDS.map((k) => k.replace(/\.(\w)/, (_, c: string) => c.toUpperCase())).sort(),
    );
    expect(Object.keys(DEFAULT_DELIVERY).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(Object.keys(AUDIENCE).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect([...NOTIFICATION_DELIVERIES].sort()).toEqual(Object.values(NotificationDelivery).sort());
    expect(Object.keys(messages.Labels.notificationDelivery).sort()).toEqual(Object.values(NotificationDelivery).sort());
    // What the issue asks to arrive at once.
    for (const kind of ["milestone.completed", "goal.completed", "action.assigned", "comment.added"] as const)
      expect(DEFAULT_DELIVERY[kind]).toBe("IMMEDIATE");
  });

  it("lead a coaching request to the participant's requests page, and a new coach to the coachee's profile (or the coachee home)", () => {
    const asked = {
      kind: "coaching.requested" as const,
      subjectId: thing,
      data: {},
      coacheeMembershipId: coachee,
      recipientMembershipId: coachee,
    };
    expect(pathOf("acme", asked)).toBe(`/acme/coaching-requests#request-${thing}`);
    const started = { kind: "coaching.started" as const, subjectId: coach, data: { coach: "Carla" }, coacheeMembershipId: coachee };
    expect(pathOf("acme", { ...started, recipientMembershipId: thing })).toBe(`/acme/coachees/${coachee}`);
    expect(pathOf("acme", { ...started, recipientMembershipId: coachee })).toBe("/acme");
  });

  it("lead a coach to the coachee's profile tab and the coachee to their own page, at the element (a goal opened, an action's thread on its page)", () => {
    const n = { kind: "milestone.completed" as const, subjectId: thing, data: { goalId: "g1" }, coacheeMembershipId: coachee };
    expect(pathOf("acme", { ...n, recipientMembershipId: coach })).toBe(`/acme/coachees/${coachee}/goals?goal=g1#goal-g1`);
    expect(pathOf("acme", { ...n, recipientMembershipId: coachee })).toBe("/acme/goals?goal=g1#goal-g1");
    const a = { kind: "action.overdue" as const, subjectId: thing, data: {}, coacheeMembershipId: coachee, recipientMembershipId: coachee };
    expect(pathOf("acme", a)).toBe(`/acme/actions#action-${thing}`);
    const c = { ...a, kind: "comment.added" as const, data: { on: "action", thingId: "a1" }, recipientMembershipId: coach };
    expect(pathOf("acme", c)).toBe("/acme/goals/actions/a1#comments");
    expect(pathOf("acme", { ...c, recipientMembershipId: coachee })).toBe("/acme/goals/actions/a1#comments");
    // A comment on a shared note: the note on the coach's Notes tab, or on the coachee's Notes page.
    const onNote = { ...c, data: { on: "note", thingId: "n1" } };
    expect(pathOf("acme", onNote)).toBe(`/acme/coachees/${coachee}/notes#note-n1`);
    expect(pathOf("acme", { ...onNote, recipientMembershipId: coachee })).toBe("/acme/notes#note-n1");
  });

  it("read as one sentence with titles, never a comment's words", async () => {
    const base = { count: 1, actorName: "Pat P", coacheeName: "Pat P", toCoachee: false, actorIsCoachee: true };
    expect(notificationSentence(en, { ...base, kind: "action.progress", data: { title: "Run", progress: 40 }, count: 3 })).toBe(
      "Pat P moved “Run” to 40% (3 changes)",
    );
    expect(
      notificationSentence(en, { ...base, kind: "goal.completed", data: { title: "Lead" }, actorName: "Cara C", actorIsCoachee: false }),
    ).toBe("Cara C completed the goal “Lead” for Pat P");
    expect(
      notificationSentence(en, {
        ...base,
        kind: "comment.added",
        data: { on: "goal", thingId: thing, title: "Lead", body: "secret words" },
      }),
    ).toBe("Pat P commented on the goal “Lead”");
    // A note shared before it has a title is named in each reader's language.
    const untitled = { ...base, kind: "note.shared" as const, data: { title: "" }, actorName: "Pat P" };
    expect(notificationSentence(en, untitled)).toBe("Pat P shared the note “Untitled note” with you");
    expect(notificationSentence(await readerFor("fr"), untitled)).toBe("Pat P a partagé la note « Note sans titre » avec vous");
    expect(notificationSentence(en, { ...base, kind: "action.due", data: { title: "Call", dueDate: "2026-01-02" }, toCoachee: true })).toBe(
      "Your action “Call” is due tomorrow (Fri 2 Jan 2026)",
    );
  });

  it("emails escape what they are given and carry the preferences link", async () => {
    const email = await renderEmail(
      "notification",
      {
        sentence: "Pat completed “<b>x</b>”",
        organizationName: "Acme",
        url: "https://app.example/acme/goals#goal-1",
        preferencesUrl: "https://app.example/acme/notifications/preferences",
      },
      "en",
    );
    expect(email.html).not.toContain("<b>x</b>");
    expect(email.text).toContain("https://app.example/acme/notifications/preferences");
  });

  it("summarise a window's things in one line each, counted, with titles under it", () => {
    const base = { actorName: "Carla C", coacheeName: "Pat P", toCoachee: true, actorIsCoachee: false, changes: 8 };
    expect(notificationSummary(en, { ...base, kind: "action.assigned", things: 8 })).toBe("Carla C gave you 8 actions");
    const byCoachee = { ...base, actorName: "Pat P", toCoachee: false, actorIsCoachee: true };
    expect(notificationSummary(en, { ...byCoachee, kind: "comment.added", things: 2, changes: 20 })).toBe("Pat P commented 20 times");
    expect(notificationSummary(en, { ...base, kind: "goal.created", things: 3, toCoachee: false })).toBe(
      "Carla C created 3 goals for Pat P",
    );
    expect(notificationSummary(en, { ...base, kind: "action.overdue", things: 2, actorName: null })).toBe("2 of your actions are overdue");
    // Every kind has its words.
    for (const kind of NOTIFICATION_KINDS) expect(notificationSummary(en, { ...base, kind, things: 2 })).toMatch(/\b2\b|8 times/);
    expect(notificationThing(en, "comment.added", { on: "action", title: "Lead the team", body: "secret words" }, 20)).toBe(
      "the action “Lead the team” (20 comments)",
    );
    expect(notificationThing(en, "action.progress", { title: "Run", progress: 40 }, 1)).toBe("“Run” to 40%");
  });

  it("the coalesced email escapes what it is given, lists every thing, and names the first line in its subject", async () => {
    const url = (n: number) => `https://app.example/acme/actions#action-${n}`;
    const email = await renderEmail(
      "notification-summary",
      {
        organizationName: "Acme",
        lines: [
          { sentence: "Carla gave you 2 actions", url: url(1), things: [1, 2].map((n) => ({ text: `“<b>step ${n}</b>”`, url: url(n) })) },
          { sentence: "Carla commented on the action “x”", url: url(3), things: [] },
        ],
        centreUrl: "https://app.example/acme/notifications",
        preferencesUrl: "https://app.example/acme/notifications/preferences",
      },
      "en",
    );
    expect(email.subject).toBe("Carla gave you 2 actions, and 1 more update");
    expect(email.html).not.toContain("<b>step");
    for (const n of [1, 2, 3]) expect(email.text).toContain(url(n));
    expect(email.text).toContain("<b>step 2</b>");
    expect(email.text).toContain("https://app.example/acme/notifications/preferences");
  });
});

describe("notification kinds spelt in SQL", () => {
  it("are kinds lib/notifications/kinds.ts knows: a trigger that cleans up a kind nobody writes cleans up nothing", () => {
    // Every literal compared with a "kind" column in a migration or in raw SQL under lib/.
    const files = [
      ...readdirSync("prisma/migrations", { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".sql"))
        .map((e) => path.join(e.parentPath, e.name)),
      ...readdirSync("lib", { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes("generated"))
        .map((e) => path.join(e.parentPath, e.name)),
    ];
    const kindsIn = (sql: string) =>
      [...sql.matchAll(/"kind"\s*(?:=|<>|!=)\s*'([^']+)'|"kind"\s+(?:NOT\s+)?IN\s*\(([^)]*)\)/gi)].flatMap((m) =>
        m[1] ? [m[1]] : [...m[2].matchAll(/'([^']+)'/g)].map((k) => k[1]),
      );
    const spelt = new Set(files.flatMap((file) => kindsIn(readFileSync(file, "utf8"))));
    // The check sees the triggers that exist today (a scan that found nothing could not fail).
    expect([...spelt]).toEqual(expect.arrayContaining(["note.shared", "comment.added"]));
    expect([...spelt].filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k))).toEqual([]);
    // And it would see a kind spelt either way that is not known.
    expect(kindsIn(`WHERE "kind" = 'note.unshared' OR "kind" IN ('goal.created', 'goal.renamed')`)).toEqual([
      "note.unshared",
      "goal.created",
      "goal.renamed",
    ]);
  });
});
