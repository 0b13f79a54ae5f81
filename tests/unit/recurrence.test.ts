import { describe, expect, it } from "vitest";
import { latestEnd, MAX_OCCURRENCES, occurrences, type Recurrence, schedule } from "../../lib/goals/recurrence";

const rule = (r: Partial<Recurrence>): Recurrence => ({
  frequency: "DAILY",
  interval: 1,
  weekdays: [],
  startDate: "2026-03-01",
  count: null,
  until: null,
  timezone: "UTC",
  ...r,
});

/** Each occurrence as its local day, local wall time and UTC offset. */
const seen = (r: Recurrence) =>
  occurrences(r).map((o) => ({ day: o.toPlainDate().toString(), time: o.toPlainTime().toString(), offset: o.offset }));

describe("recurrence across a daylight-saving change", () => {
  // Europe/London springs forward on 2026-03-29 (+00:00 to +01:00); America/New_York on 2026-03-08
  // (-05:00 to -04:00); Australia/Sydney falls back on 2026-04-05 (+11:00 to +10:00).
  it("daily in London: one occurrence a day at 09:00 local while the offset changes", () => {
    const got = seen(rule({ startDate: "2026-03-27", count: 5, timezone: "Europe/London" }));
    expect(got.map((o) => o.day)).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    expect(new Set(got.map((o) => o.time))).toEqual(new Set(["09:00:00"]));
    expect(got.map((o) => o.offset)).toEqual(["+00:00", "+00:00", "+01:00", "+01:00", "+01:00"]);
  });

  it("daily in New York, across its (earlier) change: same local day and time, offset -05:00 then -04:00", () => {
    const got = seen(rule({ startDate: "2026-03-06", until: "2026-03-10", timezone: "America/New_York" }));
    expect(got.map((o) => o.day)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(new Set(got.map((o) => o.time))).toEqual(new Set(["09:00:00"]));
    expect(got.map((o) => o.offset)).toEqual(["-05:00", "-05:00", "-04:00", "-04:00", "-04:00"]);
  });

  it("weekly on Mondays and Thursdays in both zones keeps the weekdays through the change", () => {
    const london = seen(rule({ frequency: "WEEKLY", weekdays: [4, 1], startDate: "2026-03-19", count: 4, timezone: "Europe/London" }));
    expect(london.map((o) => o.day)).toEqual(["2026-03-19", "2026-03-23", "2026-03-26", "2026-03-30"]);
    expect(london.map((o) => o.offset)).toEqual(["+00:00", "+00:00", "+00:00", "+01:00"]);
    const newYork = seen(
      rule({ frequency: "WEEKLY", weekdays: [1, 4], startDate: "2026-03-02", until: "2026-03-12", timezone: "America/New_York" }),
    );
    expect(newYork.map((o) => o.day)).toEqual(["2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12"]);
    expect(newYork.map((o) => o.offset)).toEqual(["-05:00", "-05:00", "-04:00", "-04:00"]);
    for (const o of [...london, ...newYork]) expect(o.time).toBe("09:00:00");
  });

  it("weekly in Sydney across its autumn change (the clocks go back): Sundays stay Sundays", () => {
    const got = seen(rule({ frequency: "WEEKLY", weekdays: [7], startDate: "2026-03-29", count: 3, timezone: "Australia/Sydney" }));
    expect(got).toEqual([
      { day: "2026-03-29", time: "09:00:00", offset: "+11:00" },
      { day: "2026-04-05", time: "09:00:00", offset: "+10:00" },
      { day: "2026-04-12", time: "09:00:00", offset: "+10:00" },
    ]);
  });

  it("the same rule in two zones gives the same local days (the zone moves the instant, not the day)", () => {
    const days = (timezone: string) =>
      seen(rule({ frequency: "WEEKLY", weekdays: [2], startDate: "2026-03-01", count: 6, timezone })).map((o) => o.day);
    expect(days("Europe/London")).toEqual(days("America/New_York"));
    expect(days("Pacific/Kiritimati")).toEqual(days("Pacific/Pago_Pago"));
  });
});

describe("recurrence rules", () => {
  it("monthly on the 31st: short months get their last day (30th, 28th or 29th in February)", () => {
    expect(seen(rule({ frequency: "MONTHLY", startDate: "2026-01-31", count: 6 })).map((o) => o.day)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
    ]);
    expect(seen(rule({ frequency: "MONTHLY", startDate: "2028-01-31", count: 2 })).map((o) => o.day)).toEqual(["2028-01-31", "2028-02-29"]);
    // The 30th stays the 30th where it exists; an ordinary day is untouched.
    expect(seen(rule({ frequency: "MONTHLY", startDate: "2026-01-30", count: 3 })).map((o) => o.day)).toEqual([
      "2026-01-30",
      "2026-02-28",
      "2026-03-30",
    ]);
    expect(seen(rule({ frequency: "MONTHLY", interval: 2, startDate: "2026-01-15", count: 3 })).map((o) => o.day)).toEqual([
      "2026-01-15",
      "2026-03-15",
      "2026-05-15",
    ]);
  });

  it("counts and end days are inclusive; every n days; a start off the weekdays begins at the next one", () => {
    expect(seen(rule({ count: 3 })).map((o) => o.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(seen(rule({ until: "2026-03-03" })).map((o) => o.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(seen(rule({ until: "2026-03-01" })).map((o) => o.day)).toEqual(["2026-03-01"]);
    expect(seen(rule({ interval: 3, until: "2026-03-10" })).map((o) => o.day)).toEqual([
      "2026-03-01",
      "2026-03-04",
      "2026-03-07",
      "2026-03-10",
    ]);
    // 2026-03-01 is a Sunday: weekly on Wednesdays starts on the 4th. Every other week counts weeks from
    // Monday to Sunday starting with the start day's own (23 February to 1 March), so its Wednesdays are
    // the 11th and 25th (RFC 5545 with WKST=MO).
    expect(seen(rule({ frequency: "WEEKLY", weekdays: [3], count: 2 })).map((o) => o.day)).toEqual(["2026-03-04", "2026-03-11"]);
    expect(seen(rule({ frequency: "WEEKLY", interval: 2, weekdays: [3], count: 2 })).map((o) => o.day)).toEqual([
      "2026-03-11",
      "2026-03-25",
    ]);
  });

  it("caps: more than 366 occurrences, a count ending after two years, and an empty schedule are refused by field", () => {
    expect(latestEnd("2026-03-01")).toBe("2028-03-01");
    expect(schedule(rule({ count: MAX_OCCURRENCES }))).toMatchObject({ ok: true, days: expect.arrayContaining(["2027-03-01"]) });
    expect(schedule(rule({ until: "2027-03-01" }))).toMatchObject({ ok: true });
    expect(schedule(rule({ until: "2027-03-02" }))).toMatchObject({ ok: false, field: "until" });
    expect(schedule(rule({ frequency: "MONTHLY", interval: 12, count: 3 }))).toMatchObject({ ok: true });
    expect(schedule(rule({ frequency: "MONTHLY", interval: 12, count: 4 }))).toMatchObject({ ok: false, field: "count" });
    expect(schedule(rule({ frequency: "WEEKLY", weekdays: [3], until: "2026-03-03" }))).toMatchObject({ ok: false, field: "until" });
  });
});
