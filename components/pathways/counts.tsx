import { useTranslations } from "next-intl";
import type { PathwayCounts } from "@/lib/programmes/programmes";

const ORDER = ["active", "COMPLETED", "DNF", "DNS"] as const;

/** Pathways by outcome: "3 active · 1 completed · 0 did not finish · 0 did not start". */
export function Counts({ counts }: { counts: PathwayCounts }) {
  const t = useTranslations("Pathways.counts");
  return <span className="text-sm text-muted">{ORDER.map((k) => t(k, { count: counts[k] })).join(" · ")}</span>;
}
