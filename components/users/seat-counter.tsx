import Link from "next/link";

/** "X / Y seats used", with what to do when the organisation is at or over its limit. */
export function SeatCounter({ used, limit, canManagePlan, org }: { used: number; limit: number; canManagePlan: boolean; org: string }) {
  const full = used >= limit;
  return (
    <div
      role="status"
      aria-label="Seats"
      className={`mt-4 rounded-md border p-3 text-sm ${full ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-white"}`}
    >
      <p className="font-medium">
        {used.toLocaleString("en")} / {limit.toLocaleString("en")} seats used
      </p>
      {full ? (
        <p className="mt-1">
          {used > limit ? "You are over your seat limit. " : "Every seat is taken. "}
          Deactivate users who no longer need access, or change their role to participant (participants need no seat)
          {canManagePlan ? (
            <>
              , or{" "}
              <Link href={`/${org}/settings`} className="underline">
                raise the seat limit in settings
              </Link>
            </>
          ) : (
            ", or ask an owner to add seats"
          )}
          .
        </p>
      ) : null}
    </div>
  );
}
