import { TZDate } from "@date-fns/tz";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Time } from "../../components/ui/time";
import { inLocale } from "../support/intl";
import {
  dayInputValue,
  displayDate,
  displayDay,
  displayTime,
  FALLBACK_ZONE,
  isoDate,
  isoDay,
  isoTime,
  pathwayClock,
  viewerClock,
  zoneName,
} from "../../lib/format/dates";

const at = (iso: string) => new Date(iso);

describe("dates and times as people write them", () => {
  it("reads a winter moment in London on Greenwich time: weekday, day, short month, year, then the 24-hour time", () => {
    const winter = at("2026-12-14T09:00:00Z");
    expect(displayTime(winter, "Europe/London")).toBe("Mon 14 Dec 2026, 09:00");
    expect(displayDate(winter, "Europe/London")).toBe("Mon 14 Dec 2026");
    expect(zoneName(winter, "Europe/London")).toBe("GMT");
  });

  it("reads a summer moment in London an hour ahead of UTC", () => {
    const summer = at("2026-07-14T08:00:00Z");
    expect(displayTime(summer, "Europe/London")).toBe("Tue 14 Jul 2026, 09:00");
    expect(displayDate(summer, "Europe/London")).toBe("Tue 14 Jul 2026");
    expect(zoneName(summer, "Europe/London")).toBe("BST");
  });

  it("puts a moment on the next day, weekday included, in a zone across the date line (Auckland)", () => {
    const moment = at("2026-12-14T11:30:00Z");
    expect(displayTime(moment, "Europe/London")).toBe("Mon 14 Dec 2026, 11:30");
    // New Zealand summer time is 13 hours ahead: already past midnight, on Tuesday.
    expect(displayTime(moment, "Pacific/Auckland")).toBe("Tue 15 Dec 2026, 00:30");
    expect(displayDate(moment, "Pacific/Auckland")).toBe("Tue 15 Dec 2026");
    // And in the New Zealand winter (12 hours ahead) the same hour of UTC is still on the same day there.
    expect(displayTime(at("2026-07-14T11:30:00Z"), "Pacific/Auckland")).toBe("Tue 14 Jul 2026, 23:30");
  });

  it("reads midnight as 00:00 on the day it starts, the afternoon on the 24-hour clock, and days without a leading zero", () => {
    expect(displayTime(at("2026-12-14T00:00:00Z"), "Europe/London")).toBe("Mon 14 Dec 2026, 00:00");
    expect(displayTime(at("2026-12-13T23:59:00Z"), "Europe/London")).toBe("Sun 13 Dec 2026, 23:59");
    expect(displayTime(at("2026-12-14T15:05:00Z"), "Europe/London")).toBe("Mon 14 Dec 2026, 15:05");
    expect(displayTime(at("2026-12-14T12:00:00Z"), "UTC")).toBe("Mon 14 Dec 2026, 12:00");
    // Every month is three letters ("Sep", not the "Sept" some runtimes give en-GB).
    expect(displayTime(at("2026-09-01T07:05:00Z"), "UTC")).toBe("Tue 1 Sep 2026, 07:05");
  });

  it("reads a stored calendar day (a DATE) as that day in no zone, from a Date or from its ISO text", () => {
    const stored = at("2026-12-14T00:00:00Z");
    expect(displayDay(stored)).toBe("Mon 14 Dec 2026");
    expect(displayDay("2026-12-14")).toBe("Mon 14 Dec 2026");
    expect(displayDay("2028-02-29")).toBe("Tue 29 Feb 2028");
    // Read as a moment west of UTC it would slip to the day before: that is why days are not moments.
    expect(displayDate(stored, "America/New_York")).toBe("Sun 13 Dec 2026");
    expect(displayDay(null)).toBe("–");
    expect(displayDay(undefined, "No due date")).toBe("No due date");
    expect(displayDay("")).toBe("–");
    // Text that is not a day (an old row's data, say) is shown as it is, not as a wrong day.
    expect(displayDay("soon")).toBe("soon");
  });
});

describe("dates in the reader's language", () => {
  it("writes a day and a time the way each language writes them, in the same zone and on the same clock", () => {
    const spring = new Date("2026-03-29T01:30:00Z");
    expect(["en", "fr", "de"].map((locale) => displayDay("2026-12-14", "–", locale))).toEqual([
      "Mon 14 Dec 2026",
      "lun. 14 déc. 2026",
      "Mo., 14. Dez. 2026",
    ]);
    expect(["en", "fr", "de"].map((locale) => displayTime(spring, "Europe/Paris", locale))).toEqual([
      "Sun 29 Mar 2026, 03:30",
      "dim. 29 mars 2026, 03:30",
      "So., 29. März 2026, 03:30",
    ]);
    // A clock reads in its viewer's language and zone.
    expect(viewerClock({ timezone: "America/New_York" }, "fr").date(spring)).toBe("sam. 28 mars 2026");
  });
});

describe("times across a daylight-saving change", () => {
  it("springs forward: Berlin's clocks skip from 02:00 to 03:00 on 29 March 2026", () => {
    expect(displayTime(at("2026-03-29T00:30:00Z"), "Europe/Berlin")).toBe("Sun 29 Mar 2026, 01:30");
    expect(zoneName(at("2026-03-29T00:30:00Z"), "Europe/Berlin")).toBe("CET");
    // One hour later in UTC is two hours later on the wall: 02:30 never happens there.
    expect(displayTime(at("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("Sun 29 Mar 2026, 03:30");
    expect(zoneName(at("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("CEST");
  });

  it("falls back: the two 02:30s of 25 October 2026 in Berlin read the same, and their zone names tell them apart", () => {
    const first = at("2026-10-25T00:30:00Z");
    const second = at("2026-10-25T01:30:00Z");
    expect(displayTime(first, "Europe/Berlin")).toBe("Sun 25 Oct 2026, 02:30");
    expect(displayTime(second, "Europe/Berlin")).toBe("Sun 25 Oct 2026, 02:30");
    expect([zoneName(first, "Europe/Berlin"), zoneName(second, "Europe/Berlin")]).toEqual(["CEST", "CET"]);
  });

  it("follows each zone's own change date (New York moves on 8 March 2026, three weeks before Berlin)", () => {
    expect(displayTime(at("2026-03-08T06:30:00Z"), "America/New_York")).toBe("Sun 8 Mar 2026, 01:30");
    expect(displayTime(at("2026-03-08T07:30:00Z"), "America/New_York")).toBe("Sun 8 Mar 2026, 03:30");
    // Between the two changes New York is 5 hours behind Berlin instead of 6.
    expect(displayTime(at("2026-03-20T12:00:00Z"), "America/New_York")).toBe("Fri 20 Mar 2026, 08:00");
    expect(displayTime(at("2026-03-20T12:00:00Z"), "Europe/Berlin")).toBe("Fri 20 Mar 2026, 13:00");
  });

  it("puts a moment near midnight on the day it falls on in the zone, and midnight reads 00:00", () => {
    const lateUtc = at("2026-03-28T23:30:00Z");
    expect(displayDate(lateUtc, "Europe/Berlin")).toBe("Sun 29 Mar 2026");
    expect(displayDate(lateUtc, "America/New_York")).toBe("Sat 28 Mar 2026");
    expect(displayDate(lateUtc, "UTC")).toBe("Sat 28 Mar 2026");
    expect(displayTime(at("2026-01-01T00:00:00Z"), "UTC")).toBe("Thu 1 Jan 2026, 00:00");
    // Zones a quarter of an hour off the hour.
    expect(displayTime(at("2026-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe("Thu 1 Jan 2026, 05:45");
  });
});

describe("the ISO forms, for logic, CSV cells, file names and date inputs", () => {
  it("give a moment's day and wall-clock reading in a zone, and a stored day, as ISO text that sorts", () => {
    const lateUtc = at("2026-03-28T23:30:00Z");
    expect(isoDate(lateUtc, "Europe/Berlin")).toBe("2026-03-29");
    expect(isoDate(lateUtc, "America/New_York")).toBe("2026-03-28");
    expect(isoTime(lateUtc, "Europe/Berlin")).toBe("2026-03-29 00:30");
    expect(isoTime(at("2026-12-14T11:30:00Z"), "Pacific/Auckland")).toBe("2026-12-15 00:30");
    expect(isoTime(at("2026-01-01T00:00:00Z"), "UTC")).toBe("2026-01-01 00:00");
    const stored = at("2026-03-29T00:00:00Z");
    expect(isoDay(stored)).toBe("2026-03-29");
    expect(dayInputValue(stored)).toBe("2026-03-29");
    expect(dayInputValue(null)).toBe("");
  });
});

describe("the rule: times on the viewer's clock, a pathway's sessions on the pathway's", () => {
  const viewer = { timezone: "Asia/Tokyo" };
  const pathway = { timezone: "Europe/Berlin" };

  it("shows a moment in the viewer's own zone, and says which", () => {
    const sent = at("2026-03-29T01:30:00Z");
    expect(viewerClock(viewer).time(sent)).toBe("Sun 29 Mar 2026, 10:30");
    expect(viewerClock(viewer).date(sent)).toBe("Sun 29 Mar 2026");
    expect(viewerClock({ timezone: "Europe/Berlin" }).time(sent)).toBe("Sun 29 Mar 2026, 03:30");
    expect(viewerClock(viewer).label("When")).toBe("When (Asia/Tokyo)");
  });

  it("shows a session at the local time it was booked in the pathway's zone, whoever looks, across the change", () => {
    // scheduleSession stores a local date and time in the pathway's zone this way (lib/pathways).
    for (const [day, expected, inTokyo] of [
      [28, "Sat 28 Mar 2026, 10:00", "Sat 28 Mar 2026, 18:00"],
      [29, "Sun 29 Mar 2026, 10:00", "Sun 29 Mar 2026, 17:00"],
      [30, "Mon 30 Mar 2026, 10:00", "Mon 30 Mar 2026, 17:00"],
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
      expect(viewerClock({ timezone }).time(moment)).toBe("Sun 29 Mar 2026, 01:30");
    }
  });

  it("renders a moment as a <time> carrying the exact instant for machines, its reading for people and the zone's name", () => {
    const html = renderToString(inLocale(<Time at={at("2026-10-25T01:30:00Z")} zone="Europe/Berlin" />));
    expect(html).toBe('<time dateTime="2026-10-25T01:30:00.000Z" title="Sun 25 Oct 2026, 02:30 CET">Sun 25 Oct 2026, 02:30</time>');
    expect(renderToString(inLocale(<Time at={at("2026-03-28T23:30:00Z")} zone="Europe/Berlin" dateOnly />))).toBe(
      '<time dateTime="2026-03-28T23:30:00.000Z" title="Sun 29 Mar 2026, 00:30 CET">Sun 29 Mar 2026</time>',
    );
  });
});
