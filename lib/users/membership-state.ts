import type { MembershipStatus } from "../db/generated/enums";
import { msg } from "../i18n/msg";

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
export const DEAD_LINK_MESSAGE = msg("Auth.invitation.deadLinkExplain");
export const NO_PENDING_MESSAGE = msg("Invitations.server.noLongerPending");
const NOT_FOUND = msg("Server.missing");

// Each state's label is the Labels.membershipState message.
type StateRow = {
  /** The one way forward the user's page offers (its button, in Users.member.forward), or null when there is nowhere further to go. */
  forward: { op: MembershipOp } | null;
  /** What each operation does from here. Deactivate, wherever it moves the state, is the page's way out beside the way forward. */
  steps: Record<MembershipOp, Step>;
};

export const MEMBERSHIP_MACHINE: Record<MembershipState, StateRow> = {
  NONE: {
    forward: { op: "invite" },
    steps: {
      invite: { to: "INVITED", says: msg("Users.server.step.willBeInvited") },
      resend: { refuse: NOT_FOUND },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NOT_FOUND },
      deactivate: { refuse: NOT_FOUND },
      reactivate: { refuse: NOT_FOUND },
    },
  },
  NOT_INVITED: {
    forward: { op: "invite" },
    steps: {
      invite: { to: "INVITED", says: msg("Users.server.step.addedEarlier") },
      resend: { skip: msg("Users.server.step.notInvitedYet") },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { to: "DEACTIVATED_NEVER_JOINED", says: msg("Users.server.step.willBeDeactivated") },
      reactivate: { skip: msg("Users.server.step.notDeactivatedInvite") },
    },
  },
  INVITED: {
    forward: { op: "resend" },
    steps: {
      invite: { refuse: msg("Users.server.step.alreadyInvited") },
      resend: { to: "INVITED", says: msg("Users.server.step.freshLink") },
      accept: { to: "ACTIVE", says: msg("Users.server.step.joins") },
      cancel: { to: "NONE", says: msg("Users.server.step.linkDies") },
      deactivate: { to: "DEACTIVATED_NEVER_JOINED", says: msg("Users.server.step.deactivatedLinkDies") },
      reactivate: { skip: msg("Users.server.step.notDeactivatedWaiting") },
    },
  },
  ACTIVE: {
    forward: null,
    steps: {
      invite: { refuse: msg("Users.server.step.hasActiveAccount") },
      resend: { skip: msg("Users.server.step.alreadyJoined") },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { to: "DEACTIVATED", says: msg("Users.server.step.willBeDeactivated") },
      reactivate: { skip: msg("Users.server.step.alreadyActive") },
    },
  },
  DEACTIVATED: {
    forward: { op: "reactivate" },
    steps: {
      invite: { refuse: msg("Users.server.step.reactivateFromPage") },
      resend: { skip: msg("Users.server.step.reactivateInstead") },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { skip: msg("Users.server.step.alreadyDeactivated") },
      reactivate: { to: "ACTIVE", says: msg("Users.server.step.activeAgain") },
    },
  },
  DEACTIVATED_NEVER_JOINED: {
    forward: { op: "invite" },
    steps: {
      invite: { to: "INVITED", says: msg("Users.server.step.invitedAgain") },
      resend: { skip: msg("Users.server.step.inviteAgainInstead") },
      accept: { refuse: DEAD_LINK_MESSAGE },
      cancel: { refuse: NO_PENDING_MESSAGE },
      deactivate: { skip: msg("Users.server.step.alreadyDeactivated") },
      reactivate: { refuse: msg("Users.server.step.neverJoined") },
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
