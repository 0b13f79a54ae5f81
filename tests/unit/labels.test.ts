import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ArchiveReason,
  MembershipStatus,
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
import * as labels from "../../lib/labels";
import {
  ACTION_FILTER_LABELS,
  ASSESSMENT_FILTER_LABELS,
  ASSESSMENT_STATUS_LABELS,
  DUE_STATE_LABELS,
  QUESTION_KIND_LABELS,
  ARCHIVE_REASON_LABELS,
  MEMBERSHIP_STATE_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  NOTE_SHOW_LABELS,
  VISIBILITY_LABELS,
  OUTCOME_LABELS,
  PATHWAY_STATUS_LABELS,
  pathwayStatusLabel,
  PLAN_LABELS,
  RECURRENCE_FREQUENCY_LABELS,
  recurrenceSummary,
  ROLE_LABELS,
  SESSION_STATUS_LABELS,
} from "../../lib/labels";
import { NOTE_SHOWS } from "../../lib/notes/notes";
import { MEMBERSHIP_STATES } from "../../lib/users/membership-state";

/** The static imports of a source file, with whether each is type-only. */
function importsOf(file: string) {
  return [...readFileSync(file, "utf8").matchAll(/^import (type )?[^;]*? from "([^"]+)";/gm)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2],
  }));
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") yield* sources(file);
    } else if (/\.tsx?$/.test(name)) yield file;
  }
}

describe("labels", () => {
  it("name every value of every code people read", () => {
    const cases: [Record<string, string>, readonly string[]][] = [
      [ROLE_LABELS, Object.values(Role)],
      [MEMBERSHIP_STATUS_LABELS, Object.values(MembershipStatus)],
      [MEMBERSHIP_STATE_LABELS, MEMBERSHIP_STATES],
      [ARCHIVE_REASON_LABELS, Object.values(ArchiveReason)],
      [PATHWAY_STATUS_LABELS, Object.values(PathwayStatus)],
      [SESSION_STATUS_LABELS, Object.values(SessionStatus)],
      [PLAN_LABELS, Object.values(Plan)],
      [RECURRENCE_FREQUENCY_LABELS, Object.values(RecurrenceFrequency)],
      [ACTION_FILTER_LABELS, ACTION_FILTERS],
      [DUE_STATE_LABELS, DUE_STATES],
      [VISIBILITY_LABELS, Object.values(NoteVisibility)],
      [VISIBILITY_LABELS, Object.values(FileVisibility)],
      [NOTE_SHOW_LABELS, NOTE_SHOWS],
      [ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES],
      [ASSESSMENT_FILTER_LABELS, COACH_FILTERS],
      [QUESTION_KIND_LABELS, QUESTION_KINDS],
    ];
    for (const [table, codes] of cases) {
      expect(Object.keys(table).sort()).toEqual([...codes].sort());
      for (const label of Object.values(table)) expect(label).toMatch(/^[A-Z0-9][^\n]*[a-z]$/);
      // Two codes of one kind never read the same.
      expect(new Set(Object.values(table)).size).toBe(codes.length);
    }
  });

  it("say a recurring action's rule in a sentence", () => {
    expect(recurrenceSummary({ frequency: "WEEKLY", interval: 2, weekdays: [1, 4], count: 6, until: null })).toBe(
      "Every 2 weeks on Monday and Thursday, 6 times",
    );
    expect(recurrenceSummary({ frequency: "WEEKLY", interval: 1, weekdays: [1, 3, 5], count: 1, until: null })).toBe(
      "Weekly on Monday, Wednesday and Friday, 1 time",
    );
    expect(recurrenceSummary({ frequency: "DAILY", interval: 1, weekdays: [], count: null, until: "2026-04-30" })).toBe(
      "Daily until Thu 30 Apr 2026",
    );
    expect(recurrenceSummary({ frequency: "MONTHLY", interval: 3, weekdays: [], count: 4, until: null })).toBe("Every 3 months, 4 times");
  });

  it("read the same wherever a code appears: a state is its status, an ended pathway says why", () => {
    for (const status of Object.values(MembershipStatus)) expect(MEMBERSHIP_STATE_LABELS[status]).toBe(MEMBERSHIP_STATUS_LABELS[status]);
    expect(ARCHIVE_REASON_LABELS.DNF).toBe(OUTCOME_LABELS.DNF);
    // An overdue action reads the same in the filter and beside the action.
    expect(DUE_STATE_LABELS.overdue).toBe(ACTION_FILTER_LABELS.overdue);
    expect(pathwayStatusLabel({ status: "ACTIVE", archiveReason: null })).toBe("Active");
    expect(pathwayStatusLabel({ status: "ARCHIVED", archiveReason: "DNF" })).toBe("Archived: did not finish");
    expect(pathwayStatusLabel({ status: "ARCHIVED", archiveReason: "COMPLETED" })).toBe("Archived: all sessions complete");
  });

  it("are typed once: no other source file spells a label of several words", () => {
    const table = new Map<string, string>();
    for (const [name, value] of Object.entries(labels)) {
      if (value && typeof value === "object")
        for (const label of Object.values(value)) if (typeof label === "string" && /[ -]/.test(label)) table.set(label, name);
    }
    expect(table.size).toBeGreaterThan(10);
    const files = ["app", "components", "lib", "emails"].flatMap((root) => [...sources(root)]);
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join("lib", "labels.ts"));
    const copies: string[] = [];
    for (const file of files) {
      if (file === path.join("lib", "labels.ts")) continue;
      const source = readFileSync(file, "utf8");
      for (const [label, name] of table) {
        if (source.includes(`"${label}"`) || source.includes(`'${label}'`) || source.includes(`\`${label}\``))
          copies.push(`${file}: "${label}" (${name})`);
      }
    }
    expect(copies).toEqual([]);
  });

  it("are client-safe: the module imports only types, lib/format/dates (a series' end day) and lib/words, which import nothing", () => {
    const runtime = importsOf("lib/labels.ts").filter((i) => !i.typeOnly);
    expect(runtime.map((i) => i.from).sort()).toEqual(["./format/dates", "./words"]);
    expect(importsOf("lib/words.ts")).toEqual([]);
    // And so is the formatting of dates: Intl only.
    expect(importsOf("lib/format/dates.ts")).toEqual([]);
  });
});
