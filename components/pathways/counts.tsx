import type { PathwayCounts } from "@/lib/programmes/programmes";

/** Pathways by outcome: active, completed, did not finish, did not start. */
export function Counts({ counts }: { counts: PathwayCounts }) {
  return (
    <span className="text-sm text-slate-600">
      {counts.active} active · {counts.COMPLETED} completed · {counts.DNF} did not finish · {counts.DNS} did not start
    </span>
  );
}
