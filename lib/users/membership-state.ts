import type { MembershipStatus } from "../db/generated/enums";

// The life of a membership, in one table that the services (invite, resend, accept, cancel, deactivate,
// reactivate, bulk steps, import) and the user's page all read. The state is the stored status plus
// whether the person ever joined: someone deactivated while still invited never had an account here,
// so they come back by a new invitation (through the invitation path and its seat check), while
// someone who joined comes back by reactivation. Every state has exactly one way forward (`forward`),
// the one the user's page offers; every refusal says what to do instead. Client-safe: no database.

export const MEMBERSHIP_STATES = ["NONE", "NOT_INVITED", "INVITED", "ACTIVE", "DEACTIVATED", "DEACTIVATED_NEVER_JOINED"] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

export const MEMBERSHIP_OPS = ["invite", "resend", "accept", "cancel", "deactivate", "reactivate"] as const;
export type MembershipOp = (typeof MEMBERSHIP_OPS)[number];

/** What an operation does from a state: moves it (`to`, `says` what happens), leaves it (`skip`), or is refused. */
export type Step = { to: MembershipState; says: string } | { skip: string } | { refuse: string };

/** One answer for every dead invitation link (expired, cancelled, used, unknown), so a link tells nothing. */
export const DEAD_LINK_MESSAGE = "This invitation link is no longer valid. Ask the person who invited you for a new invitation.";
export const NO_PENDING_MESSAGE = "This invitation is no longer pending: nothing to cancel";
const NOT_FOUND = "Not found";

// Each state's label is the Labels.membershipState message.
type StateRow = {
  /** The one way forward the user's page offers (its button), or null when there is nowhere further to go. */
  forward: { op: MembershipOp; button: string; confirm: string } | null;
  /** What each operation does from here. Deactivate, wherever it moves the state, is the page's way out beside the way forward. */
  steps: Record<MembershipOp, Step>;
};

export const MEMBERSHIP_MACHINE: Record<MembershipState, StateRow> = {
  NONE: {
    forward: { op: "invite", button: "Invite {name}", confirm: "Invite" },
    steps: {
      invite: { to: "INVITED", says: "Will be invited" },
      resend: { refuse: NOT_FOUND },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NOT_FOUND },
      deactivate: { refuse: NOT_FOUND },
      reactivate: { refuse: NOT_FOUND },
    },
  },
  NOT_INVITED: {
    forward: { op: "invite", button: "Invite {name}", confirm: "Invite" },
    steps: {
      invite: { to: "INVITED", says: "Added earlier, not invited yet: will be invited" },
      resend: { skip: "Not invited yet: invite them instead" },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { to: "DEACTIVATED_NEVER_JOINED", says: "Will be deactivated" },
      reactivate: { skip: "Not deactivated: invite them instead" },
    },
  },
  INVITED: {
    forward: { op: "resend", button: "Resend the invitation to {name}", confirm: "Resend" },
    steps: {
      invite: { refuse: "Already invited: resend the invitation instead" },
      resend: { to: "INVITED", says: "Will get a fresh link; the earlier one stops working" },
      accept: { to: "ACTIVE", says: "Joins" },
      cancel: { to: "NONE", says: "The link dies and the pending membership goes" },
      deactivate: { to: "DEACTIVATED_NEVER_JOINED", says: "Will be deactivated; the invitation link dies" },
      reactivate: { skip: "Not deactivated: invited, waiting for them to accept" },
    },
  },
  ACTIVE: {
    forward: null,
    steps: {
      invite: { refuse: "Already has an active account" },
      resend: { skip: "Already joined: no invitation to resend" },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { to: "DEACTIVATED", says: "Will be deactivated" },
      reactivate: { skip: "Already active" },
    },
  },
  DEACTIVATED: {
    forward: { op: "reactivate", button: "Reactivate {name}", confirm: "Reactivate" },
    steps: {
      invite: { refuse: "Deactivated: reactivate them from their page instead" },
      resend: { skip: "Deactivated: reactivate them instead" },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { skip: "Already deactivated" },
      reactivate: { to: "ACTIVE", says: "Will be active again after choosing a new password" },
    },
  },
  DEACTIVATED_NEVER_JOINED: {
    forward: { op: "invite", button: "Invite {name} again", confirm: "Invite again" },
    steps: {
      invite: { to: "INVITED", says: "Deactivated before joining: will be invited again" },
      resend: { skip: "Deactivated before joining: invite them again instead" },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { skip: "Already deactivated" },
      reactivate: { refuse: "Never joined: invite them again instead" },
    },
  },
};

/** The state of a membership (or of someone with none here). */
export function membershipState(m: { status: MembershipStatus; joinedAt: Date | null } | null | undefined): MembershipState {
  if (!m) return "NONE";
  if (m.status === "DEACTIVATED") return m.joinedAt ? "DEACTIVATED" : "DEACTIVATED_NEVER_JOINED";
  return m.status;
}

export function stepFrom(m: { status: MembershipStatus; joinedAt: Date | null } | null | undefined, op: MembershipOp): Step {
  return MEMBERSHIP_MACHINE[membershipState(m)].steps[op];
}
