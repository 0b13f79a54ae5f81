import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AddPathwayForm } from "../../components/pathways/forms";
import { ProfileForm } from "../../components/profile/profile-forms";
import { MemberForm } from "../../components/users/member-forms";
import { english } from "../support/english";
import { inLocale } from "../support/intl";
import { NAME_MAX, nameField, PERSON_NAME_MAX, TIME_ZONES, timeZoneSchema } from "../../lib/web/form-fields";

const action = async () => ({ ok: true as const });

/** The option a server-rendered select shows as chosen (what a browser shows before, or without, JavaScript). */
function selected(html: string, name = "timezone"): string | undefined {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return /<option[^>]*selected=""[^>]*value="([^"]*)"|<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(select)?.slice(1).find(Boolean);
}

describe("time zones", () => {
  it("lists UTC, first, beside every zone the runtime knows", () => {
    expect(TIME_ZONES[0]).toBe("UTC");
    expect(TIME_ZONES).toEqual(expect.arrayContaining([...Intl.supportedValuesOf("timeZone")]));
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
  });

  it("accepts every listed zone and the IANA links a stored zone may be; refuses the rest", () => {
    for (const zone of TIME_ZONES) expect(timeZoneSchema.safeParse(zone).success, zone).toBe(true);
    for (const zone of ["UTC", "Etc/UTC", "Asia/Kolkata", "US/Eastern", "Europe/Kyiv"]) expect(timeZoneSchema.parse(zone)).toBe(zone);
    for (const bad of [
      "",
      "utc",
      "europe/london",
      "EUROPE/LONDON",
      "Mars/Olympus_Mons",
      "+01:00",
      "Europe/London\n",
      "Europe/London ",
      "x".repeat(200),
      7,
      null,
    ]) {
      expect(timeZoneSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("keeps a stored UTC, or a stored zone the list lacks, selected in the profile and member forms", () => {
    const profile = (timezone: string) =>
      renderToString(
        inLocale(
          <ProfileForm
            action={action}
            user={{ firstName: "Ada", lastName: "Lovelace", timezone, locale: null }}
            timezones={TIME_ZONES}
            organisationLocale="en"
          />,
        ),
      );
    expect(selected(profile("UTC"))).toBe("UTC");
    expect(selected(profile("Asia/Kolkata"))).toBe("Asia/Kolkata");
    expect(selected(profile("Europe/Berlin"))).toBe("Europe/Berlin");

    const member = renderToString(
      inLocale(
        <MemberForm
          org="acme"
          member={{ id: "m", firstName: "Ada", lastName: "Lovelace", timezone: "UTC", unitId: "", role: "COACH", programmeIds: [] }}
          roles={[{ value: "COACH", label: "Coach" }]}
          scopedRoles={[]}
          units={[]}
          programmes={[]}
          timezones={TIME_ZONES}
          durations={[]}
          action={action}
        />,
      ),
    );
    expect(selected(member)).toBe("UTC");
  });

  it("renders a new person's zone as UTC on the server, never as the list's first entry", () => {
    const html = renderToString(
      inLocale(<AddPathwayForm org="acme" cohorts={[]} coaches={[]} timezones={TIME_ZONES} action={async () => ({ ok: true as const })} />),
    );
    expect(selected(html)).toBe("UTC");
  });
});

describe("names", () => {
  const first = nameField({ label: "your first name", max: PERSON_NAME_MAX });
  const refusal = (value: unknown, field = first) => {
    const result = field.safeParse(value);
    return result.success ? undefined : english(result.error.issues[0].message);
  };

  it("refuses control characters and line separators with a message, rather than stripping them", () => {
    const message = "Your first name cannot contain line breaks, tabs or other control characters";
    for (const bad of [
      "Ada\nLovelace",
      "Ada\r\nBcc: x@y.test",
      "Ada\rLovelace",
      "Ada\tLovelace",
      "Ada\u0000",
      "Ada\u001b[31m",
      "Ada\u007f",
      "Ada\u0085",
      "Ada\u2028x",
      "Ada\u2029x",
      "\n",
      "Ada\n",
      "Ada\ud800",
    ]) {
      expect(refusal(bad), JSON.stringify(bad)).toBe(message);
    }
  });

  it("trims spaces, requires a value and states the maximum", () => {
    expect(first.parse("  Ada  ")).toBe("Ada");
    expect(first.parse("Zoë O'Brien-Łukasz 李")).toBe("Zoë O'Brien-Łukasz 李");
    expect(refusal("   ")).toBe("Enter your first name");
    expect(refusal("")).toBe("Enter your first name");
    expect(first.parse("a".repeat(PERSON_NAME_MAX))).toHaveLength(PERSON_NAME_MAX);
    expect(refusal("a".repeat(PERSON_NAME_MAX + 1))).toBe(`At most ${PERSON_NAME_MAX} characters`);
    const unit = nameField({ label: "the unit's name", max: NAME_MAX });
    expect(refusal("u".repeat(NAME_MAX + 1), unit)).toBe(`At most ${NAME_MAX} characters`);
    expect(refusal("Sales\nBcc: x@y.test", unit)).toBe("The unit's name cannot contain line breaks, tabs or other control characters");
  });

  it("lets an optional name be empty, but not carry control characters", () => {
    const optional = nameField({ label: "the first name", max: PERSON_NAME_MAX, optional: true });
    expect(optional.parse("  ")).toBe("");
    expect(refusal("Ada\n\nx", optional)).toMatch(/cannot contain line breaks/);
  });
});
