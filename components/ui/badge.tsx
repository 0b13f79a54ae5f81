import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ArchiveReason, MembershipStatus, PathwayStatus, Role, SessionStatus } from "@/lib/db/generated/enums";
import type { ImportColour } from "@/lib/imports/validate";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

const TONE: Record<BadgeTone, string> = {
  neutral: "bg-surface-sunken text-ink-soft",
  success: "bg-success-tint text-success",
  warning: "bg-warning-tint text-warning",
  danger: "bg-danger-tint text-danger-strong",
  info: "bg-primary-soft text-primary-strong",
};

const SHAPE = "inline-block rounded px-2 py-0.5 text-xs font-medium";

/** A short coloured label (a status, a role); its words come from the Roles and Labels messages, never from the colour alone. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`${SHAPE} ${TONE[tone]}`}>{children}</span>;
}

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("Roles");
  return <Badge tone={role === "OWNER" || role === "ADMIN" || role === "IMPLEMENTATION_ADMIN" ? "info" : "neutral"}>{t(role)}</Badge>;
}

const MEMBERSHIP_TONE: Record<MembershipStatus, BadgeTone> = {
  ACTIVE: "success",
  INVITED: "info",
  NOT_INVITED: "neutral",
  DEACTIVATED: "danger",
};

/** "Private" or "Shared", on a note or a file. */
export function VisibilityBadge({ visibility }: { visibility: "PRIVATE" | "SHARED" }) {
  const t = useTranslations("Labels");
  return <Badge tone={visibility === "SHARED" ? "info" : "neutral"}>{t(`visibility.${visibility}`)}</Badge>;
}

export function MembershipStatusBadge({ status }: { status: MembershipStatus }) {
  const t = useTranslations("Labels");
  return <Badge tone={MEMBERSHIP_TONE[status]}>{t(`membershipState.${status}`)}</Badge>;
}

/** "Active", or "Archived: did not finish". */
export function PathwayStatusBadge({ pathway }: { pathway: { status: PathwayStatus | string; archiveReason: ArchiveReason | null } }) {
  const t = useTranslations("Labels");
  const archived = pathway.status === "ARCHIVED";
  return (
    <Badge tone={archived ? "neutral" : "success"}>
      {archived ? t(`pathwayStatus.archived${pathway.archiveReason ?? "COMPLETED"}`) : t("pathwayStatus.ACTIVE")}
    </Badge>
  );
}

const SESSION_TONE: Record<SessionStatus, BadgeTone> = {
  SCHEDULED: "info",
  ATTENDED: "success",
  CANCELLED: "neutral",
  NO_SHOW: "warning",
  REQUESTED: "warning",
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useTranslations("Labels");
  return <Badge tone={SESSION_TONE[status]}>{t(`sessionStatus.${status}`)}</Badge>;
}

export const IMPORT_TONE: Record<ImportColour, BadgeTone> = { green: "success", yellow: "warning", red: "danger" };

/** An import row's colour, said in words (Labels.importColour), not by the colour alone. */
export function ImportColourBadge({ colour }: { colour: ImportColour }) {
  const t = useTranslations("Labels");
  return <Badge tone={IMPORT_TONE[colour]}>{t(`importColour.${colour}`)}</Badge>;
}

/** One of a row of filter links shaped like badges ("Ready: 12"); the current one is marked for screen readers and in bold. */
export function BadgeLink({
  href,
  tone = "neutral",
  current,
  children,
}: {
  href: string;
  tone?: BadgeTone;
  current: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-3 py-1 text-sm aria-[current=page]:font-semibold aria-[current=page]:ring-2 aria-[current=page]:ring-primary-bright ${tone === "neutral" ? "border border-line-strong bg-surface" : TONE[tone]}`}
    >
      {children}
    </Link>
  );
}
