import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dayToDate, emailSchema, idField, idList, isId, isoDayField, optionalDayField, optionalId } from "../../lib/web/form-fields";
import { english } from "../support/english";

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== "generated") yield* sources(file);
    } else if (/\.tsx?$/.test(name)) yield file;
  }
}

const ID = "0196a8f0-6a3b-7c2d-8e4f-5a6b7c8d9e0f";

describe("shared field schemas", () => {
  it("ids: a UUID or the field's message, one answer for malformed and unknown alike", () => {
    expect(idField().parse(ID)).toBe(ID);
    for (const bad of ["", "1", "not-an-id", `${ID} `, "' OR 1=1 --", null, 7]) {
      const parsed = idField().safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(english(parsed.error?.issues[0].message)).toBe("Not found");
    }
    expect(idField("Choose a cohort").safeParse("x").error?.issues[0].message).toBe("Choose a cohort");
    expect([isId(ID), isId("x"), isId(undefined)]).toEqual([true, false, false]);
    expect(idList().parse(ID)).toEqual([ID]);
    expect(optionalId().parse("")).toBeNull();
  });

  it("emails: trimmed, lower-cased, at most 254 characters", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    for (const bad of ["", "ada", "ada@", `${"a".repeat(250)}@x.io`, "ada@example.com\r\nBcc: eve@x.io"])
      expect(emailSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("days: a real YYYY-MM-DD, stored as midnight UTC; optional ones may be empty", () => {
    expect(isoDayField().parse("2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2026-02-30", "2026-13-01", "31-01-2026", "2026-1-1", "2026-01-31T00:00", ""])
      expect(isoDayField().safeParse(bad).success, bad).toBe(false);
    expect(isoDayField("Enter the start date").safeParse("x").error?.issues[0].message).toBe("Enter the start date");
    expect(dayToDate("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(optionalDayField().parse("")).toBeNull();
    expect(optionalDayField().parse("2026-03-29")).toEqual(new Date("2026-03-29T00:00:00Z"));
  });

  it("are the only place these rules are written: services, actions and forms import them", () => {
    const rules = ["z.uuid(", "z.email(", "z.iso.date(", "T00:00:00Z`)"];
    const home = path.join("lib", "web", "form-fields.ts");
    const files = ["app", "components", "lib"].flatMap((root) => [...sources(root)]);
    // The scan reaches the code, and would see each rule: the one file allowed to write them writes them all.
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(home);
    expect(rules.filter((rule) => readFileSync(home, "utf8").includes(rule))).toEqual(rules);
    const copies: string[] = [];
    for (const file of files) {
      if (file === home) continue;
      const source = readFileSync(file, "utf8");
      for (const rule of rules) if (source.includes(rule)) copies.push(`${file}: ${rule}`);
    }
    expect(copies).toEqual([]);
  });
});
