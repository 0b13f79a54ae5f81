import { Clipped } from "@/components/ui/table";
import { describeChanges } from "@/lib/audit/changes";

/** What an audit event changed, field by field ("First name: Ada → Adele"), wrapped to its column; times in `zone`, the viewer's; ids by `names`. */
export function ChangeList({
  before,
  after,
  zone,
  names,
}: {
  before: unknown;
  after: unknown;
  zone: string;
  names?: Record<string, string>;
}) {
  const changes = describeChanges(before, after, zone, names);
  if (changes.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-1 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[auto_minmax(0,1fr)]">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-medium text-muted">{c.label}</dt>
          <dd>
            {c.before !== undefined ? (
              <>
                {c.after === undefined ? "was " : null}
                <Clipped text={c.before} max={200} />
              </>
            ) : null}
            {c.before !== undefined && c.after !== undefined ? " → " : null}
            {c.after !== undefined ? <Clipped text={c.after} max={200} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
