import { readdirSync, readFileSync, statSync } from "node:fs";
import { readerFor } from "../../lib/i18n/translator";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditSentence, SENTENCE_ACTIONS, type NamedAuditEvent } from "../../lib/audit/sentence";

// The sentences as an English reader reads them.
const en = await readerFor("en");

const event = (over: Partial<NamedAuditEvent>): NamedAuditEvent => ({
  action: "",
  targetType: "membership",
  actorName: "Adam Admin",
  targetName: "Pat Participant",
  before: null,
  after: null,
  names: {},
  ...over,
});

/** Every audit action the services record (`action: "area.verb"` next to recordAudit). */
function recordedActions(dir = "lib"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return entry === "generated" ? [] : recordedActions(file);
    if (!file.endsWith(".ts")) return [];
    const source = readFileSync(file, "utf8");
    if (!source.includes("recordAudit(")) return [];
    return [...source.matchAll(/\baction: ([^\n]*)/g)].flatMap((line) => [...line[1].matchAll(/"([a-z]+\.[a-z_]+)"/g)].map((m) => m[1]));
  });
}

describe("an audit event as a sentence", () => {
  it("names who did what to whom, with values as labels", () => {
    expect(auditSentence(en, event({ action: "member.change_role", before: { role: "PARTICIPANT" }, after: { role: "COACH" } }))).toBe(
      "Adam Admin changed Pat Participant's role from Participant to Coach",
    );
    expect(auditSentence(en, event({ action: "invitation.send", after: { role: "IMPLEMENTATION_ADMIN" } }))).toBe(
      "Adam Admin invited Pat Participant to join as an implementation admin",
    );
    expect(
      auditSentence(en, event({ action: "member.change_unit", before: { unitId: "u1" }, after: { unitId: null }, names: { u1: "Sales" } })),
    ).toBe("Adam Admin took Pat Participant out of the unit Sales");
    expect(
      auditSentence(
        en,
        event({ action: "import.confirm", targetType: "cohort", targetName: "Spring", after: { invited: 1, enrolled: 2, skipped: 0 } }),
      ),
    ).toBe("Adam Admin imported a file into the cohort Spring: 1 person invited, 2 enrolled, 0 skipped");
    expect(auditSentence(en, event({ action: "settings.update", targetType: "organization", targetName: "Acme" }))).toBe(
      "Adam Admin changed the organisation's settings",
    );
    expect(auditSentence(en, event({ action: "coachee.add", after: { linked: true } }))).toBe(
      "Adam Admin added Pat Participant to their coachees",
    );
    expect(auditSentence(en, event({ action: "coachee.add", after: { email: "pat@acme.test" } }))).toBe(
      "Adam Admin added Pat Participant as a participant and their coachee",
    );
    const coach = { after: { coachMembershipId: "c1" }, names: { c1: "Carla Coach" } };
    expect(auditSentence(en, event({ action: "coaching.request" }))).toBe("Adam Admin asked to coach Pat Participant");
    expect(auditSentence(en, event({ action: "coaching.accept", ...coach }))).toBe("Adam Admin accepted Carla Coach as their coach");
    expect(auditSentence(en, event({ action: "coaching.decline", ...coach }))).toBe("Adam Admin declined coaching from Carla Coach");
    expect(auditSentence(en, event({ action: "coaching.withdraw" }))).toBe("Adam Admin withdrew their request to coach Pat Participant");
    expect(auditSentence(en, event({ action: "coaching.link", ...coach }))).toBe(
      "Adam Admin made Carla Coach the coach of Pat Participant",
    );
  });

  it("reads without names it could not resolve, and for an action it does not know, without its code", () => {
    expect(auditSentence(en, event({ action: "member.deactivate", actorName: null, targetName: null }))).toBe(
      "Pathwise deactivated a member",
    );
    expect(auditSentence(en, event({ action: "goal.rename" }))).toBe("Adam Admin made a change to Pat Participant");
  });

  it("has a sentence for every action a service records", () => {
    const recorded = [...new Set(recordedActions())];
    expect(recorded.length).toBeGreaterThan(20);
    expect(recorded.filter((a) => !SENTENCE_ACTIONS.includes(a))).toEqual([]);
  });
});
