import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ArchiveReason,
  FileVisibility,
  NoteVisibility,
  PathwayStatus,
  Plan,
  RecurrenceFrequency,
  Role,
  SessionStatus,
} from "../../lib/db/generated/enums";
import { ASSESSMENT_STATUSES } from "../../lib/assessments/assignments";
import { COACH_FILTERS } from "../../lib/assessments/coach-list";
import { QUESTION_KINDS } from "../../lib/assessments/questions";
import { ACTION_FILTERS, DUE_STATES } from "../../lib/goals/calendar";
import { NOTE_SHOWS } from "../../lib/notes/notes";
import { MEMBERSHIP_STATES } from "../../lib/users/membership-state";
import en from "../../messages/en.json";

/** The static imports of a source file, with whether each is type-only. */
function importsOf(file: string) {
  return [...readFileSync(file, "utf8").matchAll(/^import (type )?[^;]*? from "([^"]+)";/gm)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2],
  }));
}

const L = en.Labels;

describe("labels", () => {
  it("name every value of every code people read (the Roles and Labels messages)", () => {
    const cases: [Record<string, string>, readonly string[]][] = [
      [en.Roles, Object.values(Role)],
      [L.membershipState, MEMBERSHIP_STATES],
      [L.archiveReason, Object.values(ArchiveReason)],
      [L.sessionStatus, Object.values(SessionStatus)],
      [L.plan, Object.values(Plan)],
      [L.recurrenceFrequency, Object.values(RecurrenceFrequency)],
      [L.actionFilter, ACTION_FILTERS],
      [L.dueState, DUE_STATES],
      [L.visibility, Object.values(NoteVisibility)],
      [L.visibility, Object.values(FileVisibility)],
      [L.noteShow, NOTE_SHOWS],
      [L.assessmentStatus, ASSESSMENT_STATUSES],
      [L.assessmentFilter, COACH_FILTERS],
      [L.questionKind, QUESTION_KINDS],
    ];
    for (const [table, codes] of cases) {
      expect(Object.keys(table).sort()).toEqual([...codes].sort());
      for (const label of Object.values(table)) expect(label).toMatch(/^[A-Z0-9][^\n]*[a-z]$/);
      // Two codes of one kind never read the same.
      expect(new Set(Object.values(table)).size).toBe(codes.length);
    }
    for (const status of Object.values(PathwayStatus)) expect(L.pathwayStatus[status]).toMatch(/^[A-Z]/);
  });

  it("and the dates beside them are client-safe: their formatting imports nothing (Intl only)", () => {
    expect(importsOf("lib/format/dates.ts")).toEqual([]);
  });
});
