// Every trigger in the database, in one place: its table, when it fires, what it keeps, and the
// migration that holds its function's current body (a later migration may replace an earlier body with
// CREATE OR REPLACE FUNCTION). Triggers are hand-written in the migrations because Prisma's schema can
// state neither them nor CHECK constraints. tests/integration/triggers.test.ts fails when this list and
// the migrated database disagree, or when a named migration is not the last to define the function.

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
    name: "goal_figures_in_range",
    table: "Goal",
    event: "BEFORE INSERT OR UPDATE",
    fn: "goal_figures_in_range",
    purpose: "progress in 0..100, weights at least 1",
    migration: "20261123021349_goals",
  },
  {
    name: "milestone_figures_in_range",
    table: "Milestone",
    event: "BEFORE INSERT OR UPDATE",
    fn: "goal_figures_in_range",
    purpose: "progress in 0..100, weights at least 1",
    migration: "20261123021349_goals",
  },
  {
    name: "action_figures_in_range",
    table: "Action",
    event: "BEFORE INSERT OR UPDATE",
    fn: "goal_figures_in_range",
    purpose: "progress in 0..100, weights at least 1; a milestone only together with its goal",
    migration: "20261123021349_goals",
  },
  {
    name: "comment_on_one_thing",
    table: "Comment",
    event: "BEFORE INSERT OR UPDATE",
    fn: "comment_on_one_thing",
    purpose: "a comment is on exactly one thing (a goal or an action)",
    migration: "20261202154304_goal_comments_series_notifications",
  },
  {
    name: "series_rules",
    table: "ActionSeries",
    event: "BEFORE INSERT OR UPDATE",
    fn: "series_rules",
    purpose: "a series names a milestone only with its goal, weighs at least 1, repeats at least every 1 and ends one way",
    migration: "20261202154304_goal_comments_series_notifications",
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
    purpose: "a note is written by its coachee or a coach of theirs; only the coachee's own can be shared; coachee and author never change",
    migration: "20261202192618_notes",
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
  {
    name: "coachee_file_rules",
    table: "CoacheeFile",
    event: "BEFORE INSERT OR UPDATE",
    fn: "coachee_file_rules",
    purpose: "a size of at least 0, a name of 1 to 255 characters, an object key inside the coachee's own folder",
    migration: "20261202192643_coachee_files",
  },
];
