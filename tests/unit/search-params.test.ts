import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditFilterSchema } from "@/lib/audit/list";
import { likeLiteral } from "@/lib/db/like";
import { userFilterSchema } from "@/lib/users/list";
import { cleanValue, firstValues, isoDay, pageNumber, searchParamsOf, searchText } from "@/lib/web/search-params";

describe("the URL parameter parser", () => {
  it("removes NUL and every other control character, and bounds the length", () => {
    expect(cleanValue("a\u0000b\u0001c\u001fd\u007fe\u0085f")).toBe("abcdef");
    expect(cleanValue("x".repeat(10_000))).toHaveLength(1000);
    expect(firstValues({ q: ["first\u0000", "second"], role: undefined })).toEqual({ q: "first", role: undefined });
    expect(searchParamsOf(new URLSearchParams("q=%00ada&q=bob&page=2"))).toEqual({ q: "ada", page: "2" });
  });

  it("keeps search text literal and drops what is empty or too long", () => {
    const schema = z.object({ q: searchText(10) });
    expect(schema.parse({ q: "  ada\u0000 " }).q).toBe("ada");
    expect(schema.parse({ q: "\u0000\u0000" }).q).toBeUndefined();
    expect(schema.parse({ q: "x".repeat(11) }).q).toBeUndefined();
    expect(schema.parse({ q: ["a"] }).q).toBeUndefined();
    expect(schema.parse({ q: "%_'\\" }).q).toBe("%_'\\");
  });

  it("reads a page number as 1 unless it is a whole number, and clamps it", () => {
    const page = pageNumber(50);
    const cases: [unknown, number][] = [
      [undefined, 1],
      ["", 1],
      ["3", 3],
      [" 4 ", 4],
      ["0", 1],
      ["-1", 1],
      ["51", 50],
      ["9".repeat(400), 50],
      ["1e308", 1],
      ["2.5", 1],
      ["NaN", 1],
      ["Infinity", 1],
      ["0x10", 1],
      ["[]", 1],
      [["2"], 1],
    ];
    for (const [input, expected] of cases) expect(page.parse(input), String(input)).toBe(expected);
  });

  it("accepts only real days between 1900 and 2200", () => {
    const day = z.object({ d: isoDay() });
    for (const ok of ["1900-01-01", "2026-01-31", "2024-02-29", "2200-12-31"]) expect(day.parse({ d: ok }).d, ok).toBe(ok);
    for (const bad of [
      "0000-01-01",
      "1899-12-31",
      "2201-01-01",
      "99999-12-31",
      "+275760-09-13",
      "2025-02-29",
      "2026-13-01",
      "2026-1-1",
      "yesterday",
      "[]",
    ]) {
      expect(day.parse({ d: bad }).d, bad).toBeUndefined();
    }
  });

  it("gives every list schema a usable filter from any garbage", () => {
    const garbage = {
      q: "\u0000",
      role: "[]",
      status: "'",
      page: "1e308",
      sort: "%",
      dir: "_",
      unit: "-1",
      from: "0000-01-01",
      to: "99999-12-31",
      actor: "x".repeat(10_000),
    };
    expect(userFilterSchema.parse(firstValues(garbage))).toEqual({
      q: undefined,
      role: undefined,
      status: undefined,
      invitation: undefined,
      unit: undefined,
      joined: undefined,
      sort: "name",
      dir: "asc",
      page: 1,
    });
    expect(auditFilterSchema.parse(firstValues(garbage))).toEqual({
      actor: undefined,
      action: undefined,
      target: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});

describe("likeLiteral", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likeLiteral("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(likeLiteral("plain")).toBe("plain");
  });
});
