import { describe, expect, it } from "vitest";
import { navItemsFor } from "../../components/shell/nav-items";
import en from "../../messages/en.json";

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role, { devMailbox: false }).map((i) => en.Nav[i.key]);

describe("the navigation follows the permission table", () => {
  it("a participant's is theirs: Home, Goals, Actions, Notes, Files, Sessions, Calendar, Book a session, Messages, Assessments, Profile, and no Dashboard", () => {
    expect(labels("PARTICIPANT")).toEqual([
      "Home",
      "Goals",
      "Actions",
      "Notes",
      "Files",
      "Sessions",
      "Calendar",
      "Book a session",
      "Messages",
      "Assessments",
      "Profile",
    ]);
  });

  it("assessments: a coach's page (which links to their templates), an admin's organisation templates, nothing for the others", () => {
    expect(labels("COACH")).toContain("Assessments");
    expect(labels("COACH")).not.toContain("Assessment templates");
    for (const role of ["OWNER", "ADMIN", "IMPLEMENTATION_ADMIN"] as const) {
      expect(labels(role), role).toContain("Assessment templates");
      expect(labels(role), role).not.toContain("Assessments");
    }
    for (const role of ["PROGRAM_MANAGER", "SPONSOR"] as const) {
      expect(labels(role), role).not.toContain("Assessments");
      expect(labels(role), role).not.toContain("Assessment templates");
    }
  });

  it("a coach keeps the Dashboard and gets Sessions and Messages", () => {
    const coach = labels("COACH");
    expect(coach).toEqual(expect.arrayContaining(["Dashboard", "Sessions", "Availability", "Messages", "Profile"]));
    expect(coach).not.toContain("Home");
    // A coach works goals and actions from each coachee's profile, not a page of their own.
    expect(coach).not.toContain("Goals");
    expect(coach.indexOf("Sessions")).toBeLessThan(coach.indexOf("Messages"));
  });

  it("admins and programme managers have no Home, Sessions or Messages of their own", () => {
    for (const role of ["OWNER", "ADMIN", "PROGRAM_MANAGER", "SPONSOR"] as const) {
      expect(labels(role)).toContain("Dashboard");
      for (const label of ["Home", "Goals", "Actions", "Notes", "Files", "Sessions", "Messages", "Assessments"])
        expect(labels(role), role).not.toContain(label);
    }
  });

  it("the Calendar: coaches, participants, admins and programme managers (one coach's, read-only); never a sponsor", () => {
    for (const role of ["OWNER", "ADMIN", "IMPLEMENTATION_ADMIN", "PROGRAM_MANAGER", "COACH", "PARTICIPANT"] as const)
      expect(labels(role), role).toContain("Calendar");
    expect(labels("SPONSOR")).not.toContain("Calendar");
  });
});
