import { TextLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** "X / Y seats used", with what to do when the organisation is at or over its limit. */
export function SeatCounter({ used, limit, canManagePlan, org }: { used: number; limit: number; canManagePlan: boolean; org: string }) {
  const full = used >= limit;
  return (
    <div className="mt-4">
      <Notice tone={full ? "warning" : "info"} role="status" label="Seats">
        <p className="font-medium">
          {used.toLocaleString("en")} / {limit.toLocaleString("en")} seats used
        </p>
        {full ? (
          <p className="mt-1">
            {used > limit ? "You are over your seat limit. " : "Every seat is taken. "}
            Deactivate users who no longer need access, or change their role to participant (participants need no seat)
            {canManagePlan ? (
              <>
                , or <TextLink href={`/${org}/settings`}>raise the seat limit in settings</TextLink>
              </>
            ) : (
              ", or ask an owner to add seats"
            )}
            .
          </p>
        ) : null}
      </Notice>
    </div>
  );
}
