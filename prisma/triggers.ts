// Every trigger in the database, in one place: its table, when it fires, what it keeps, and the
// migration that holds its function's current body (a later migration may replace an earlier body with
// CREATE OR REPLACE FUNCTION); and every CHECK and exclusion constraint. Rules on a row's own columns are CHECKs;
// triggers keep what reads other rows or follows a change. Both are hand-written in the migrations,
// because Prisma's schema can state neither. tests/integration/triggers.test.ts fails when these lists
// and the migrated database disagree, or when a named migration is not the last to define the function.

export type Trigger = {
  /** The trigger's name, on `table`. */
  name: string;
  table: string;
  /** When it fires, as the migration says. */
  event: string;
  /** The function it runs (several triggers may share one). */
  fn: string;
  purpose: string;
  /** The migration folder with the function's current body. */
  migration: string;
};

export const TRIGGERS: Trigger[] = [
  {
    name: "user_names_to_memberships",
    table: "User",
    event: 'AFTER UPDATE OF "firstName", "lastName", "email", "timezone"',
    fn: "user_names_to_memberships",
    purpose: "a joined member's copy of their account's name, email and time zone follows the account",
    migration: "20261122220415_member_names",
  },
  {
    name: "membership_copy_user_names",
    table: "Membership",
    event: 'BEFORE INSERT OR UPDATE OF "userId", "joinedAt", "firstName", "lastName", "timezone"',
    fn: "membership_copy_user_names",
    purpose: "a membership shows the account's name from joining on, the name it was entered with before; sortName and searchText",
    migration: "20261122220415_member_names",
  },
  {
    name: "pathway_coaching_relationship",
    table: "Pathway",
    event: 'AFTER INSERT OR DELETE OR UPDATE OF "coachMembershipId", "membershipId"',
    fn: "pathway_coaching_relationship",
    purpose: "a pathway's coach coaches its participant (PATHWAY relationships follow the pathways; ADDED ones stay)",
    migration: "20261123003138_coach_workspace",
  },
  {
    name: "notifications_follow_relationship",
    table: "CoachingRelationship",
    event: "AFTER DELETE",
    fn: "notifications_follow_relationship",
    purpose: "a coach who stops coaching someone loses their notifications about them",
    migration: "20261202154304_goal_comments_series_notifications",
  },
  {
    name: "notifications_follow_role",
    table: "Membership",
    event: 'AFTER UPDATE OF "role"',
    fn: "notifications_follow_role",
    purpose: "a member whose role changes loses every notification of theirs",
    migration: "20261202154304_goal_comments_series_notifications",
  },
  {
    name: "note_rules",
    table: "Note",
    event: "BEFORE INSERT OR UPDATE",
    fn: "note_rules",
    purpose:
      "a note is written by its coachee or a coach of theirs; a coach's is shared only as a session note; coachee and author never change",
    migration: "20261207182540_session_notepad",
  },
  {
    name: "note_comment_rules",
    table: "NoteComment",
    event: "BEFORE INSERT",
    fn: "note_comment_rules",
    purpose: "a note's comment is written by someone who can see the note",
    migration: "20261202192618_notes",
  },
  {
    name: "note_notifications_follow_unshare",
    table: "Note",
    event: 'AFTER UPDATE OF "visibility"',
    fn: "note_notifications_follow",
    purpose: "a note unshared takes what its coaches were told about it",
    migration: "20261202210000_note_comment_notifications",
  },
  {
    name: "note_notifications_follow_delete",
    table: "Note",
    event: "AFTER DELETE",
    fn: "note_notifications_follow",
    purpose: "a note deleted takes everyone's notifications about it",
    migration: "20261202210000_note_comment_notifications",
  },
  {
    name: "assessment_template_rules",
    table: "AssessmentTemplate",
    event: "BEFORE INSERT OR UPDATE",
    fn: "assessment_template_rules",
    purpose: "a coach's template is the coach's own; its questions are well formed",
    migration: "20261202192631_assessments",
  },
  {
    name: "assessment_answers_final",
    table: "AssessmentAssignment",
    event: "BEFORE UPDATE OR DELETE",
    fn: "assessment_answers_final",
    purpose: "an assignment's questions never change, and once submitted its answers are final and the row stays",
    migration: "20261202192631_assessments",
  },
];

export type Check = {
  /** The constraint's name, on `table`. */
  name: string;
  table: string;
  purpose: string;
};

export const CHECKS: Check[] = [
  { name: "Goal_progress_0_to_100", table: "Goal", purpose: "progress in 0..100" },
  { name: "Milestone_progress_0_to_100", table: "Milestone", purpose: "progress in 0..100" },
  { name: "Action_progress_0_to_100", table: "Action", purpose: "progress in 0..100" },
  { name: "Action_weight_at_least_1", table: "Action", purpose: "a weight of at least 1" },
  {
    name: "Action_milestone_with_its_goal",
    table: "Action",
    purpose: "a milestone only together with its goal (a composite foreign key with a NULL column is not checked)",
  },
  { name: "Comment_on_one_thing", table: "Comment", purpose: "a comment is on exactly one thing (a goal or an action)" },
  { name: "ActionSeries_milestone_with_its_goal", table: "ActionSeries", purpose: "a milestone only together with its goal" },
  { name: "ActionSeries_weight_and_interval_at_least_1", table: "ActionSeries", purpose: "weighs at least 1, repeats at least every 1" },
  { name: "ActionSeries_ends_one_way", table: "ActionSeries", purpose: "ends after a count of at least 1, or on a day: one of the two" },
  { name: "CoacheeFile_size_at_least_0", table: "CoacheeFile", purpose: "a size of at least 0" },
  { name: "CoacheeFile_name_1_to_255", table: "CoacheeFile", purpose: "a name of 1 to 255 characters" },
  {
    name: "CoacheeFile_key_in_coachee_folder",
    table: "CoacheeFile",
    purpose: "the object key is <organizationId>/<coacheeMembershipId>/<uuid>, made by the server, never from the name",
  },
  { name: "CoachingSession_cancel_reason_bounded", table: "CoachingSession", purpose: "a cancellation's reason of at most 500 characters" },
  { name: "CoachingSession_sequence_not_negative", table: "CoachingSession", purpose: "an iCalendar SEQUENCE of at least 0" },
  {
    name: "CoachAvailability_bounds",
    table: "CoachAvailability",
    purpose: "buffer, notice, horizon, daily maximum, days off and lengths within the bounds the availability form states",
  },
  { name: "CoachingSession_agenda_bounded", table: "CoachingSession", purpose: "an agenda of at most 5,000 characters" },
  { name: "Membership_meeting_url_https", table: "Membership", purpose: "a meeting link is https and at most 500 characters" },
  { name: "CoachAvailability_cancel_window", table: "CoachAvailability", purpose: "a cancellation window of 0 to 168 hours" },
  {
    name: "CoachingSession_counts_as_used_when_cancelled",
    table: "CoachingSession",
    purpose: "only a cancelled session counts as used by its cancellation",
  },
  // An exclusion constraint: a CHECK across rows, so it sits in this list too.
  {
    name: "CoachingSession_coach_never_overlaps",
    table: "CoachingSession",
    purpose: "a coach's sessions (all but cancelled ones) never overlap in time, however many are booked at once",
  },
];
