import Link from "next/link";
import type { ReactNode } from "react";
import type { MembershipStatus, PathwayStatus, Role, SessionStatus } from "@/lib/db/generated/enums";
import {
  IMPORT_COLOUR_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  pathwayStatusLabel,
  ROLE_LABELS,
  SESSION_STATUS_LABELS,
  VISIBILITY_LABELS,
  type ImportColour,
} from "@/lib/labels";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

const TONE: Record<BadgeTone, string> = {
  neutral: "bg-surface-sunken text-ink-soft",
  success: "bg-success-tint text-success",
  warning: "bg-warning-tint text-warning",
  danger: "bg-danger-tint text-danger-strong",
  info: "bg-primary-soft text-primary-strong",
};

const SHAPE = "inline-block rounded px-2 py-0.5 text-xs font-medium";

/** A short coloured label (a status, a role); its words come from lib/labels.ts, never from the colour alone. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`${SHAPE} ${TONE[tone]}`}>{children}</span>;
}

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={role === "OWNER" || role === "ADMIN" || role === "IMPLEMENTATION_ADMIN" ? "info" : "neutral"}>{ROLE_LABELS[role]}</Badge>
  );
}

const MEMBERSHIP_TONE: Record<MembershipStatus, BadgeTone> = {
  ACTIVE: "success",
  INVITED: "info",
  NOT_INVITED: "neutral",
  DEACTIVATED: "danger",
};

/** "Private" or "Shared", on a note or a file. */
export function VisibilityBadge({ visibility }: { visibility: "PRIVATE" | "SHARED" }) {
  return <Badge tone={visibility === "SHARED" ? "info" : "neutral"}>{VISIBILITY_LABELS[visibility]}</Badge>;
}

export function MembershipStatusBadge({ status }: { status: MembershipStatus }) {
  return <Badge tone={MEMBERSHIP_TONE[status]}>{MEMBERSHIP_STATUS_LABELS[status]}</Badge>;
}

/** "Active", or "Archived: did not finish". */
export function PathwayStatusBadge({
  pathway,
}: {
  pathway: Parameters<typeof pathwayStatusLabel>[0] & { status: PathwayStatus | string };
}) {
  return <Badge tone={pathway.status === "ARCHIVED" ? "neutral" : "success"}>{pathwayStatusLabel(pathway)}</Badge>;
}

const SESSION_TONE: Record<SessionStatus, BadgeTone> = { SCHEDULED: "info", ATTENDED: "success", CANCELLED: "neutral", NO_SHOW: "warning" };

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <Badge tone={SESSION_TONE[status]}>{SESSION_STATUS_LABELS[status]}</Badge>;
}

export const IMPORT_TONE: Record<ImportColour, BadgeTone> = { green: "success", yellow: "warning", red: "danger" };

/** An import row's colour, said in words (IMPORT_COLOUR_LABELS), not by the colour alone. */
export function ImportColourBadge({ colour }: { colour: ImportColour }) {
  return <Badge tone={IMPORT_TONE[colour]}>{IMPORT_COLOUR_LABELS[colour]}</Badge>;
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
