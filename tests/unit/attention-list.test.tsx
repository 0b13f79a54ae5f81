import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { CoacheesNeedingAttention } from "../../components/dashboard/staff-dashboard";
import { inLocale } from "../support/intl";

it("the dashboard's attention lists show ten coachees each and say how many more, however many coachees a coach has", () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id-${i}`, name: `Coachee ${String(i).padStart(3, "0")}` }));
  const since = new Date("2026-11-01T00:00:00Z");
  const html = renderToStaticMarkup(
    inLocale(
      <CoacheesNeedingAttention
        org="acme"
        zone="UTC"
        attention={{
          overdue: people(300).map((p) => ({ ...p, count: 2, zone: "UTC" })),
          quiet: people(12).map((p) => ({ ...p, lastActivityAt: null, since })),
        }}
      />,
    ),
  );
  expect(html.match(/href="\/acme\/coachees\/id-\d+\/actions\?status=overdue"/g)).toHaveLength(10);
  expect(html).toContain("and 290 more coachees");
  expect(html.match(/href="\/acme\/coachees\/id-\d+"/g)).toHaveLength(10);
  expect(html).toContain("and 2 more coachees, oldest activity first");
  expect(html).toContain('href="/acme/coachees?sort=lastActivity&amp;dir=asc"');
  // Ten or fewer: all of them, and no "more".
  const short = renderToStaticMarkup(
    inLocale(
      <CoacheesNeedingAttention
        org="acme"
        zone="UTC"
        attention={{ overdue: [], quiet: people(10).map((p) => ({ ...p, lastActivityAt: null, since })) }}
      />,
    ),
  );
  expect(short.match(/href="\/acme\/coachees\/id-\d+"/g)).toHaveLength(10);
  expect(short).not.toContain("more coachee");
});
