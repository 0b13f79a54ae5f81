// Test factories: one per model, each with defaults that make a valid row and overrides for what a test
// cares about. Rows are written straight to the database (no service, no audit, no email), and every
// child row takes its organisation from its parent, so a factory cannot build a cross-tenant link the
// schema would refuse. For a whole organisation ready to use, see tests/support/world.ts.
export { unique } from "./unique";
export { createOrganization, type OrganizationOverrides } from "./organization";
export { createUser, type UserOverrides } from "./user";
export { createMember, type MemberOverrides, type TestMember } from "./member";
export { actorOf, createActor, type TestActor } from "./actor";
export { createUnit } from "./unit";
export { assignProgramme, createProgramme } from "./programme";
export { createCohort, type CohortOverrides } from "./cohort";
export { createPathway, type PathwayOverrides } from "./pathway";
export { createCoachingSession } from "./session";
export { createCreditEntry } from "./credit";
export { createInvitation, type InvitationOverrides } from "./invitation";
export { createImportPreview, importRow } from "./import";
export { createAuditEvent, type AuditOverrides } from "./audit";
export { createCoachingRelationship } from "./coaching";
export { createCoacheeGroup } from "./coachee-group";
export { createActivity } from "./activity";
export { createActionItem, createGoal, createMilestone } from "./goal";
