import { TZDate } from "@date-fns/tz";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Time } from "../../components/ui/time";
import {
  dayInputValue,
  FALLBACK_ZONE,
  formatDate,
  formatDay,
  formatTime,
  pathwayClock,
  viewerClock,
  zoneName,
} from "../../lib/format/dates";

const at = (iso: string) => new Date(iso);

describe("times across a daylight-saving change", () => {
  it("springs forward: Berlin's clocks skip from 02:00 to 03:00 on 29 March 2026", () => {
    expect(formatTime(at("2026-03-29T00:30:00Z"), "Europe/Berlin")).toBe("2026-03-29 01:30");
    expect(zoneName(at("2026-03-29T00:30:00Z"), "Europe/Berlin")).toBe("CET");
    // One hour later in UTC is two hours later on the wall: 02:30 never happens there.
    expect(formatTime(at("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("2026-03-29 03:30");
    expect(zoneName(at("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("CEST");
  });

  it("falls back: the two 02:30s of 25 October 2026 in Berlin read the same, and their zone names tell them apart", () => {
    const first = at("2026-10-25T00:30:00Z");
    const second = at("2026-10-25T01:30:00Z");
    expect(formatTime(first, "Europe/Berlin")).toBe("2026-10-25 02:30");
    expect(formatTime(second, "Europe/Berlin")).toBe("2026-10-25 02:30");
    expect([zoneName(first, "Europe/Berlin"), zoneName(second, "Europe/Berlin")]).toEqual(["CEST", "CET"]);
  });

  it("follows each zone's own change date (New York moves on 8 March 2026, three weeks before Berlin)", () => {
    expect(formatTime(at("2026-03-08T06:30:00Z"), "America/New_York")).toBe("2026-03-08 01:30");
    expect(formatTime(at("2026-03-08T07:30:00Z"), "America/New_York")).toBe("2026-03-08 03:30");
    // Between the two changes New York is 5 hours behind Berlin instead of 6.
    expect(formatTime(at("2026-03-20T12:00:00Z"), "America/New_York")).toBe("2026-03-20 08:00");
    expect(formatTime(at("2026-03-20T12:00:00Z"), "Europe/Berlin")).toBe("2026-03-20 13:00");
  });

  it("puts a moment near midnight on the day it falls on in the zone, and midnight reads 00:00", () => {
    const lateUtc = at("2026-03-28T23:30:00Z");
    expect(formatDate(lateUtc, "Europe/Berlin")).toBe("2026-03-29");
    expect(formatDate(lateUtc, "America/New_York")).toBe("2026-03-28");
    expect(formatDate(lateUtc, "UTC")).toBe("2026-03-28");
    expect(formatTime(at("2026-01-01T00:00:00Z"), "UTC")).toBe("2026-01-01 00:00");
    // Zones a quarter of an hour off the hour.
    expect(formatTime(at("2026-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe("2026-01-01 05:45");
  });
});

describe("calendar days", () => {
  it("show a stored day (a DATE, read back as midnight UTC) as that day, with no zone to shift it", () => {
    const stored = at("2026-03-29T00:00:00Z");
    expect(formatDay(stored)).toBe("2026-03-29");
    // Formatted as a moment in a zone west of UTC it would slip to the day before: that is why days are not moments.
    expect(formatDate(stored, "America/New_York")).toBe("2026-03-28");
    expect(formatDay(null)).toBe("–");
    expect(dayInputValue(stored)).toBe("2026-03-29");
    expect(dayInputValue(null)).toBe("");
  });
});

describe("the rule: times on the viewer's clock, a pathway's sessions on the pathway's", () => {
  const viewer = { timezone: "Asia/Tokyo" };
  const pathway = { timezone: "Europe/Berlin" };

  it("shows a moment in the viewer's own zone, and says which", () => {
    const sent = at("2026-03-29T01:30:00Z");
    expect(viewerClock(viewer).time(sent)).toBe("2026-03-29 10:30");
    expect(viewerClock({ timezone: "Europe/Berlin" }).time(sent)).toBe("2026-03-29 03:30");
    expect(viewerClock(viewer).label("When")).toBe("When (Asia/Tokyo)");
  });

  it("shows a session at the local time it was booked in the pathway's zone, whoever looks, across the change", () => {
    // scheduleSession stores a local date and time in the pathway's zone this way (lib/pathways).
    for (const [day, expected, inTokyo] of [
      [28, "2026-03-28 10:00", "2026-03-28 18:00"],
      [29, "2026-03-29 10:00", "2026-03-29 17:00"],
      [30, "2026-03-30 10:00", "2026-03-30 17:00"],
    ] as const) {
      const session = new Date(new TZDate(2026, 2, day, 10, 0, pathway.timezone).getTime());
      expect(pathwayClock(pathway).time(session)).toBe(expected);
      // On the viewer's clock it would move by an hour over the change; the page shows the pathway's.
      expect(viewerClock(viewer).time(session)).toBe(inTokyo);
    }
    expect(pathwayClock(pathway).label("When")).toBe("When (Europe/Berlin)");
  });

  it("falls back to UTC for a viewer without a zone or with one this runtime does not know, instead of failing the page", () => {
    const moment = at("2026-03-29T01:30:00Z");
    for (const timezone of [null, undefined, "", "Mars/Olympus_Mons"]) {
      expect(viewerClock({ timezone }).zone).toBe(FALLBACK_ZONE);
      expect(viewerClock({ timezone }).time(moment)).toBe("2026-03-29 01:30");
    }
  });

  it("renders a moment as a <time> carrying the exact instant, its local reading and the zone's name", () => {
    const html = renderToString(<Time at={at("2026-10-25T01:30:00Z")} zone="Europe/Berlin" />);
    expect(html).toBe('<time dateTime="2026-10-25T01:30:00.000Z" title="2026-10-25 02:30 CET">2026-10-25 02:30</time>');
    expect(renderToString(<Time at={at("2026-03-28T23:30:00Z")} zone="Europe/Berlin" dateOnly />)).toContain(">2026-03-29</time>");
  });
});
