import { describe, expect, it } from "vitest";
import { renderEmail } from "../../emails";
import { NOTIFICATION_DELIVERY_LABELS, NOTIFICATION_KIND_LABELS } from "../../lib/labels";
import { AUDIENCE, DEFAULT_DELIVERY, NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, pathOf } from "../../lib/notifications/kinds";
import { notificationSentence } from "../../lib/notifications/sentence";
import { NotificationDelivery } from "../../lib/db/generated/enums";

const coachee = "11111111-1111-4111-8111-111111111111";
const coach = "22222222-2222-4222-8222-222222222222";
const thing = "33333333-3333-4333-8333-333333333333";

describe("notification kinds", () => {
  it("each have a label, a default delivery and an audience; every delivery has a label", () => {
    expect(Object.keys(NOTIFICATION_KIND_LABELS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(Object.keys(DEFAULT_DELIVERY).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(Object.keys(AUDIENCE).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect([...NOTIFICATION_DELIVERIES].sort()).toEqual(Object.values(NotificationDelivery).sort());
    expect(Object.keys(NOTIFICATION_DELIVERY_LABELS).sort()).toEqual(Object.values(NotificationDelivery).sort());
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

  it("lead a coach to the coachee's profile tab and the coachee to their own page, at the element", () => {
    const n = { kind: "milestone.completed" as const, subjectId: thing, data: { goalId: "g1" }, coacheeMembershipId: coachee };
    expect(pathOf("acme", { ...n, recipientMembershipId: coach })).toBe(`/acme/coachees/${coachee}?tab=goals#goal-g1`);
    expect(pathOf("acme", { ...n, recipientMembershipId: coachee })).toBe("/acme/goals#goal-g1");
    const a = { kind: "action.overdue" as const, subjectId: thing, data: {}, coacheeMembershipId: coachee, recipientMembershipId: coachee };
    expect(pathOf("acme", a)).toBe(`/acme/actions#action-${thing}`);
    const c = { ...a, kind: "comment.added" as const, data: { on: "action", thingId: "a1" }, recipientMembershipId: coach };
    expect(pathOf("acme", c)).toBe(`/acme/coachees/${coachee}?tab=actions#action-a1`);
    // A comment on a shared note: the note on the coach's Notes tab, or on the coachee's Notes page.
    const onNote = { ...c, data: { on: "note", thingId: "n1" } };
    expect(pathOf("acme", onNote)).toBe(`/acme/coachees/${coachee}?tab=notes#note-n1`);
    expect(pathOf("acme", { ...onNote, recipientMembershipId: coachee })).toBe("/acme/notes#note-n1");
  });

  it("read as one sentence with titles, never a comment's words", () => {
    const base = { count: 1, actorName: "Pat P", coacheeName: "Pat P", toCoachee: false, actorIsCoachee: true };
    expect(notificationSentence({ ...base, kind: "action.progress", data: { title: "Run", progress: 40 }, count: 3 })).toBe(
      "Pat P moved “Run” to 40% (3 changes)",
    );
    expect(
      notificationSentence({ ...base, kind: "goal.completed", data: { title: "Lead" }, actorName: "Cara C", actorIsCoachee: false }),
    ).toBe("Cara C completed the goal “Lead” for Pat P");
    expect(
      notificationSentence({
        ...base,
        kind: "comment.added",
        data: { on: "goal", thingId: thing, title: "Lead", body: "secret words" },
      }),
    ).toBe("Pat P commented on the goal “Lead”");
    expect(notificationSentence({ ...base, kind: "action.due", data: { title: "Call", dueDate: "2026-01-02" }, toCoachee: true })).toBe(
      "Your action “Call” is due tomorrow (2026-01-02)",
    );
  });

  it("emails escape what they are given and carry the preferences link", async () => {
    const email = await renderEmail("notification", {
      sentence: "Pat completed “<b>x</b>”",
      organizationName: "Acme",
      url: "https://app.example/acme/goals#goal-1",
      preferencesUrl: "https://app.example/acme/notifications/preferences",
    });
    expect(email.html).not.toContain("<b>x</b>");
    expect(email.text).toContain("https://app.example/acme/notifications/preferences");
  });
});
