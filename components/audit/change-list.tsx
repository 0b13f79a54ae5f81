import { useLocale, useTranslations } from "next-intl";
import { readerOf, type Translator } from "@/lib/i18n/translator";
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
  const t = useTranslations("Audit");
  const changes = describeChanges(readerOf(useLocale(), useTranslations() as unknown as Translator), before, after, zone, names);
  if (changes.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-1 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[auto_minmax(0,1fr)]">
      {changes.map(({ field, label, before: was, after: now }) => (
        <div key={field} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd>
            {was === undefined ? null : now === undefined ? (
              t.rich("was", { value: () => <Clipped text={was} max={200} /> })
            ) : (
              <Clipped text={was} max={200} />
            )}
            {was !== undefined && now !== undefined ? " → " : null}
            {now !== undefined ? <Clipped text={now} max={200} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
