import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import {
  answersFormSchema,
  assignees,
  assignQuestions,
  assignTemplate,
  assignTemplateSchema,
  getAssessment,
  listCoacheeAssessments,
  reviewAssessment,
  saveAnswers,
  withdrawAssessment,
} from "../../lib/assessments/assignments";
import { coachAssessmentsSchema, listCoachAssessments } from "../../lib/assessments/coach-list";
import { answerFieldName, type QuestionInput } from "../../lib/assessments/questions";
import { archiveTemplate, createTemplate, getTemplate, listTemplates, updateTemplate } from "../../lib/assessments/templates";
import { ExpectedError, ForbiddenError, ValidationError } from "../../lib/errors";
import { createActor, createCoacheeGroup, createCoachingRelationship } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld } from "../support/privacy";
import { isoDay } from "../../lib/format/dates";
import { english } from "../support/english";

const db = testDb();

const SCALE: QuestionInput = {
  kind: "scale",
  prompt: "How confident are you?",
  required: true,
  scaleMax: 5,
  lowLabel: "Not at all",
  highLabel: "Very",
};
const SINGLE: QuestionInput = { kind: "single", prompt: "Best time to meet?", required: false, options: ["Morning", "Afternoon"] };
const MULTIPLE: QuestionInput = { kind: "multiple", prompt: "Which areas?", required: true, options: ["Focus", "Feedback", "Delegation"] };
const SHORT: QuestionInput = { kind: "short", prompt: "One word for this month", required: false };
const LONG: QuestionInput = { kind: "long", prompt: "What went well?", required: true };

const form = (questions: QuestionInput[], extra: Record<string, unknown> = {}) => ({
  title: "Quarterly check-in",
  description: "A few questions before our session.",
  questions: JSON.stringify(questions),
  ...extra,
});

/** The privacy world (a coachee with two coaches, another coach and their coachee), and Sam, another coachee of the coach. */
async function assessmentsWorld() {
  const w = await createPrivacyWorld(db);
  const sam = await createActor(db, w.org.id, "PARTICIPANT", { account: { firstName: "Sam", lastName: "Second" } });
  await createCoachingRelationship(db, { coach: w.coach.membership, coachee: sam.membership });
  return { ...w, sam };
}

const answer = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: Error) => `${e.constructor.name}: ${english(e.message)}`,
  );

const fieldErrorsOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return english((e as ValidationError).fieldErrors);
};

describe("assessment templates", () => {
  let w: Awaited<ReturnType<typeof assessmentsWorld>>;
  beforeAll(async () => {
    w = await assessmentsWorld();
  });

  it("a coach builds their own, an admin the organisation's; each kind of question is kept in order with its settings", async () => {
    const mine = await createTemplate(db, w.coach, form([SCALE, SINGLE, MULTIPLE, SHORT, LONG]));
    const org = await createTemplate(db, w.admin, form([LONG], { title: "Organisation intake" }));
    const t = await getTemplate(db, w.coach, mine.id);
    expect(t.questions.map((q) => q.kind)).toEqual(["scale", "single", "multiple", "short", "long"]);
    expect(t.questions[0]).toMatchObject({ scaleMax: 5, lowLabel: "Not at all", highLabel: "Very", required: true });
    expect(t.questions[2]).toMatchObject({ options: ["Focus", "Feedback", "Delegation"] });
    expect(new Set(t.questions.map((q) => q.id)).size).toBe(5);
    expect(t).toMatchObject({ editable: true, organisation: false });

    // The coach sees theirs and the organisation's (read-only); the admin the organisation's only.
    const asCoach = await listTemplates(db, w.coach);
    expect(asCoach.own.map((x) => x.id)).toContain(mine.id);
    expect(asCoach.organisation.map((x) => [x.id, x.editable])).toContainEqual([org.id, false]);
    const asAdmin = await listTemplates(db, w.admin);
    expect(asAdmin.own).toEqual([]);
    expect(asAdmin.organisation.map((x) => [x.id, x.editable])).toEqual([[org.id, true]]);
    expect(await answer(getTemplate(db, w.admin, mine.id))).toBe("NotFoundError: Not found");
    // Another coach never sees this coach's template; a coach may not change the organisation's.
    expect(await answer(getTemplate(db, w.otherCoach, mine.id))).toBe("NotFoundError: Not found");
    expect((await getTemplate(db, w.otherCoach, org.id)).id).toBe(org.id);
    await expect(updateTemplate(db, w.coach, org.id, form([LONG]))).rejects.toThrow(ForbiddenError);
    await updateTemplate(db, w.admin, org.id, form([LONG, SHORT], { title: "Organisation intake v2" }));
    expect((await getTemplate(db, w.coach, org.id)).title).toBe("Organisation intake v2");

    // Editing keeps the ids of questions it keeps.
    await updateTemplate(db, w.coach, mine.id, { ...form([]), questions: JSON.stringify([t.questions[4], { ...SHORT }]) });
    const edited = await getTemplate(db, w.coach, mine.id);
    expect(edited.questions[0].id).toBe(t.questions[4].id);

    // Archiving takes it off the lists.
    await archiveTemplate(db, w.coach, mine.id);
    expect((await listTemplates(db, w.coach)).own.map((x) => x.id)).not.toContain(mine.id);
  });

  it("refuses bad templates with a message at each field, and writes nothing", async () => {
    const before = await db.assessmentTemplate.count({ where: { organizationId: w.org.id } });
    expect(await fieldErrorsOf(createTemplate(db, w.coach, form([], { title: " " })))).toEqual({
      title: ["Enter a title"],
      questions: ["Add at least one question"],
    });
    const errors = await fieldErrorsOf(
      createTemplate(
        db,
        w.coach,
        form([
          { ...SCALE, scaleMax: 7 } as unknown as QuestionInput,
          { ...SINGLE, options: ["Only one"] },
          { ...MULTIPLE, options: ["A", "a"] },
          { ...SHORT, prompt: "" },
          { ...LONG, prompt: "Two\nlines" },
          { ...MULTIPLE, options: Array.from({ length: 21 }, (_, i) => `Option ${i}`) },
          { kind: "essay", prompt: "What?" } as unknown as QuestionInput,
        ]),
      ),
    );
    expect(errors).toEqual({
      "questions.0.scaleMax": ["Choose 1 to 5 or 1 to 10"],
      "questions.1.options": ["Give at least 2 options"],
      "questions.2.options": ["Each option must be different"],
      "questions.3.prompt": ["Write the question"],
      "questions.4.prompt": ["The question must be one line"],
      "questions.5.options": ["At most 20 options"],
      "questions.6.kind": ["Choose the kind of question"],
    });
    expect(await fieldErrorsOf(createTemplate(db, w.coach, { ...form([]), questions: "not json" }))).toEqual({
      questions: ["Add at least one question"],
    });
    expect(await db.assessmentTemplate.count({ where: { organizationId: w.org.id } })).toBe(before);
  });

  it("only builders build: participants, programme managers and sponsors are refused; another organisation finds nothing", async () => {
    const org = await createTemplate(db, w.admin, form([LONG]));
    for (const actor of [w.participant, w.pm, w.sponsor] as Actor[]) {
      await expect(createTemplate(db, actor, form([LONG]))).rejects.toThrow(ForbiddenError);
      await expect(listTemplates(db, actor)).rejects.toThrow(ForbiddenError);
    }
    for (const actor of [w.other.admin, w.other.coach] as Actor[]) {
      expect(await answer(getTemplate(db, actor, org.id))).toBe("NotFoundError: Not found");
      expect(await answer(updateTemplate(db, actor, org.id, form([SHORT])))).toBe("NotFoundError: Not found");
      expect(await answer(archiveTemplate(db, actor, org.id))).toBe("NotFoundError: Not found");
    }
    // Positive control: the owner (an admin too) may.
    await updateTemplate(db, w.owner, org.id, form([SHORT]));
    expect((await getTemplate(db, w.admin, org.id)).questions.map((q) => q.kind)).toEqual(["short"]);
  });
});

describe("assigning, answering and reviewing", () => {
  let w: Awaited<ReturnType<typeof assessmentsWorld>>;
  beforeAll(async () => {
    w = await assessmentsWorld();
  });

  const assign = (actor: Actor, templateId: string, to: string, dueDate = "") =>
    assignTemplate(db, actor, assignTemplateSchema.parse({ templateId, to, dueDate }));
  const answers = (assignmentId: string, intent: "save" | "submit", values: Record<string, unknown>) =>
    answersFormSchema.parse({ assignmentId, intent, ...values }) as Parameters<typeof saveAnswers>[2];
  const notificationsOf = (subjectId: string) =>
    db.notification.findMany({ where: { organizationId: w.org.id, subjectId }, select: { kind: true, recipientMembershipId: true } });

  it("assigns to one coachee with a snapshot; the draft is the coachee's alone; submit checks required answers; answers and questions never change after", async () => {
    const template = await createTemplate(db, w.coach, form([SCALE, SINGLE, MULTIPLE, SHORT, LONG]));
    const { ids } = await assign(w.coach, template.id, `coachee:${w.coachee.membershipId}`, "2026-12-24");
    expect(ids).toHaveLength(1);
    const [id] = ids;

    // The coachee is told; nobody else.
    expect(await notificationsOf(id)).toEqual([{ kind: "assessment.assigned", recipientMembershipId: w.coachee.membershipId }]);

    const given = await getAssessment(db, w.coachee, id);
    expect(given).toMatchObject({ title: "Quarterly check-in", status: "not_started", answers: {} });
    expect(given.dueDate && isoDay(given.dueDate)).toBe("2026-12-24");
    const [scale, single, multiple, short, long] = given.questions;

    // The template changes after assigning: the assignment keeps its questions.
    await updateTemplate(db, w.coach, template.id, form([{ ...LONG, prompt: "Changed prompt" }], { title: "Changed" }));
    expect((await getAssessment(db, w.coachee, id)).questions).toEqual(given.questions);

    // A draft: well-formed answers kept, nothing required yet.
    await saveAnswers(db, w.coachee, answers(id, "save", { [answerFieldName(scale.id)]: "4", [answerFieldName(long.id)]: "Draft words" }));
    const draft = await getAssessment(db, w.coachee, id);
    expect(draft).toMatchObject({ status: "in_progress", answers: { [scale.id]: 4, [long.id]: "Draft words" } });
    // Coaches see it in progress, never the draft's words.
    for (const coach of [w.coach, w.secondCoach]) {
      const seen = await getAssessment(db, coach, id);
      expect(seen).toMatchObject({ status: "in_progress", answers: null, savedAt: null });
      expect(JSON.stringify(seen)).not.toContain("Draft words");
      expect(JSON.stringify(await listCoacheeAssessments(db, coach, w.coachee.membershipId))).not.toContain("Draft words");
      expect(JSON.stringify(await listCoachAssessments(db, coach, coachAssessmentsSchema.parse({})))).not.toContain("Draft words");
    }

    // Bad answers in a draft: messages per question, nothing saved.
    const row = () => db.assessmentAssignment.findFirstOrThrow({ where: { organizationId: w.org.id, id } });
    const saved = await row();
    expect(
      await fieldErrorsOf(
        saveAnswers(
          db,
          w.coachee,
          answers(id, "save", {
            [answerFieldName(scale.id)]: "6",
            [answerFieldName(single.id)]: "Evening",
            [answerFieldName(short.id)]: "x".repeat(201),
          }),
        ),
      ),
    ).toEqual({
      [answerFieldName(scale.id)]: ["Choose a number from 1 to 5"],
      [answerFieldName(single.id)]: ["Choose one of the options"],
      [answerFieldName(short.id)]: ["At most 200 characters"],
    });
    // Submitting without the required answers: a message at each, and nothing changes.
    expect(await fieldErrorsOf(saveAnswers(db, w.coachee, answers(id, "submit", { [answerFieldName(scale.id)]: "4" })))).toEqual({
      [answerFieldName(multiple.id)]: ["Choose at least one option"],
      [answerFieldName(long.id)]: ["Write an answer"],
    });
    expect(await row()).toEqual(saved);
    expect((await notificationsOf(id)).map((n) => n.kind)).toEqual(["assessment.assigned"]);

    // A coach cannot answer for the coachee.
    await expect(saveAnswers(db, w.coach, answers(id, "save", {}))).rejects.toThrow(ForbiddenError);

    // Submit: final, and the coaches are told.
    const full = {
      [answerFieldName(scale.id)]: "5",
      [answerFieldName(multiple.id)]: ["Feedback", "Focus"],
      [answerFieldName(long.id)]: "Line one\nLine two",
      [answerFieldName(short.id)]: "Steady",
    };
    await saveAnswers(db, w.coachee, answers(id, "submit", full));
    const submitted = await getAssessment(db, w.coach, id);
    expect(submitted).toMatchObject({
      status: "submitted",
      answers: { [scale.id]: 5, [multiple.id]: ["Focus", "Feedback"], [long.id]: "Line one\nLine two", [short.id]: "Steady" },
    });
    expect(
      (await notificationsOf(id))
        .filter((n) => n.kind === "assessment.submitted")
        .map((n) => n.recipientMembershipId)
        .sort(),
    ).toEqual([w.coach.membershipId, w.secondCoach.membershipId].sort());

    // Immutable: the service refuses, and so does the database, whatever writes to it.
    await expect(saveAnswers(db, w.coachee, answers(id, "save", { [answerFieldName(scale.id)]: "1" }))).rejects.toThrow(
      "This assessment has been submitted: its answers can no longer change.",
    );
    await expect(
      db.$executeRaw`UPDATE "AssessmentAssignment" SET "answers" = '{}'::jsonb WHERE "organizationId" = ${w.org.id}::uuid AND "id" = ${id}::uuid`,
    ).rejects.toThrow(/submitted answers cannot be changed/);
    await expect(
      db.$executeRaw`UPDATE "AssessmentAssignment" SET "submittedAt" = NULL WHERE "organizationId" = ${w.org.id}::uuid AND "id" = ${id}::uuid`,
    ).rejects.toThrow(/submitted answers cannot be changed/);
    await expect(
      db.$executeRaw`UPDATE "AssessmentAssignment" SET "questions" = '[]'::jsonb WHERE "organizationId" = ${w.org.id}::uuid AND "id" = ${id}::uuid`,
    ).rejects.toThrow(/questions are fixed/);
    await expect(
      db.$executeRaw`DELETE FROM "AssessmentAssignment" WHERE "organizationId" = ${w.org.id}::uuid AND "id" = ${id}::uuid`,
    ).rejects.toThrow(/cannot be deleted/);
    await expect(withdrawAssessment(db, w.coach, { assignmentId: id })).rejects.toThrow(ExpectedError);

    // The template changes again after submitting: questions and answers stay as they were.
    await updateTemplate(db, w.coach, template.id, form([SHORT], { title: "Changed again" }));
    expect(await getAssessment(db, w.coach, id)).toEqual(submitted);

    // Review: a comment, reviewed, the coachee told; the comment reaches the coachee.
    await expect(reviewAssessment(db, w.coachee, { assignmentId: id, comment: "x" })).rejects.toThrow(ForbiddenError);
    await reviewAssessment(db, w.secondCoach, { assignmentId: id, comment: "Great reflection." });
    await expect(reviewAssessment(db, w.coach, { assignmentId: id, comment: "Again" })).rejects.toThrow("already been reviewed");
    const reviewed = await getAssessment(db, w.coachee, id);
    expect(reviewed).toMatchObject({ status: "reviewed", reviewComment: "Great reflection.", answers: submitted.answers });
    expect((await notificationsOf(id)).filter((n) => n.kind === "assessment.reviewed")).toEqual([
      { kind: "assessment.reviewed", recipientMembershipId: w.coachee.membershipId },
    ]);
    // The raw review update is allowed by the trigger (answers unchanged) as a positive control.
    await db.$executeRaw`UPDATE "AssessmentAssignment" SET "reviewComment" = 'Great reflection.' WHERE "organizationId" = ${w.org.id}::uuid AND "id" = ${id}::uuid`;

    // The coachee's list: done with answers; the coach's list: filtered by status.
    const mine = await listCoacheeAssessments(db, w.coachee, w.coachee.membershipId);
    expect(mine.done.map((a) => a.id)).toContain(id);
    const reviewedList = await listCoachAssessments(db, w.coach, coachAssessmentsSchema.parse({ status: "reviewed" }));
    expect(reviewedList.rows.map((r) => r.id)).toContain(id);
    expect((await listCoachAssessments(db, w.coach, coachAssessmentsSchema.parse({}))).rows.map((r) => r.id)).not.toContain(id);
  });

  it("a review cannot come before submission; a draft can be withdrawn", async () => {
    const template = await createTemplate(db, w.coach, form([SHORT]));
    const { ids } = await assign(w.coach, template.id, `coachee:${w.coachee.membershipId}`);
    await expect(reviewAssessment(db, w.coach, { assignmentId: ids[0], comment: "" })).rejects.toThrow("not submitted yet");
    // Another coach of the coachee may not throw away what this coach asked for; the one who gave it may.
    await expect(withdrawAssessment(db, w.secondCoach, { assignmentId: ids[0] })).rejects.toThrow("Only the coach who gave");
    expect(await answer(getAssessment(db, w.coachee, ids[0]))).not.toBe("NotFoundError: Not found");
    await withdrawAssessment(db, w.coach, { assignmentId: ids[0] });
    expect(await answer(getAssessment(db, w.coachee, ids[0]))).toBe("NotFoundError: Not found");
    expect(await notificationsOf(ids[0])).toEqual([]);
  });

  it("assigns to a group: one assignment per member the coach coaches, each told; an empty group is refused at the field", async () => {
    const template = await createTemplate(db, w.admin, form([SHORT], { title: "Team pulse" }));
    const group = await createCoacheeGroup(
      db,
      { organizationId: w.org.id, id: w.coach.membershipId },
      { coachees: [w.coachee.membership, w.sam.membership] },
    );
    const { ids } = await assign(w.coach, template.id, `group:${group.id}`, "2027-01-15");
    expect(ids).toHaveLength(2);
    const rows = await db.assessmentAssignment.findMany({
      where: { organizationId: w.org.id, id: { in: ids } },
      select: { coacheeMembershipId: true, title: true },
    });
    expect(rows.map((r) => r.coacheeMembershipId).sort()).toEqual([w.coachee.membershipId, w.sam.membershipId].sort());
    for (const id of ids) expect((await notificationsOf(id)).map((n) => n.kind)).toEqual(["assessment.assigned"]);
    const empty = await createCoacheeGroup(db, { organizationId: w.org.id, id: w.coach.membershipId });
    expect(await fieldErrorsOf(assign(w.coach, template.id, `group:${empty.id}`))).toEqual({
      to: ["This group has no coachees yet: add some, or choose a coachee"],
    });
    // Another coach's group, coachee or template: not found / choose from the list.
    const theirs = await createCoacheeGroup(
      db,
      { organizationId: w.org.id, id: w.otherCoach.membershipId },
      { coachees: [w.othersCoachee.membership] },
    );
    expect(await answer(assign(w.coach, template.id, `group:${theirs.id}`))).toBe("NotFoundError: Not found");
    expect(await answer(assign(w.coach, template.id, `coachee:${w.othersCoachee.membershipId}`))).toBe("NotFoundError: Not found");
    const othersTemplate = await createTemplate(db, w.otherCoach, form([SHORT]));
    expect(await fieldErrorsOf(assign(w.coach, othersTemplate.id, `coachee:${w.coachee.membershipId}`))).toEqual({
      templateId: ["Choose a template from the list"],
    });
    // The assign form's choices: the coach's coachees and groups only.
    const choices = await assignees(db, w.coach);
    expect(choices.coachees.map((c) => c.id).sort()).toEqual([w.coachee.membershipId, w.sam.membershipId].sort());
    expect(choices.groups.map((g) => g.id)).toContain(group.id);
  });

  it("'Assign questions' gives one coachee a one-off set with no template", async () => {
    const { id } = await assignQuestions(db, w.coach, {
      coacheeId: w.sam.membershipId,
      title: "Before Tuesday",
      description: "",
      questions: JSON.stringify([SCALE, LONG]),
      dueDate: null,
    });
    const a = await getAssessment(db, w.sam, id);
    expect(a).toMatchObject({ title: "Before Tuesday", fromTemplate: false, status: "not_started" });
    expect(a.questions.map((q) => q.kind)).toEqual(["scale", "long"]);
    expect(await notificationsOf(id)).toEqual([{ kind: "assessment.assigned", recipientMembershipId: w.sam.membershipId }]);
    expect(
      await fieldErrorsOf(assignQuestions(db, w.coach, { coacheeId: w.sam.membershipId, title: "", questions: "[]", dueDate: null })),
    ).toEqual({ title: ["Enter a title"], questions: ["Add at least one question"] });
  });

  it("cross-tenant and wrong-role attempts find nothing and change nothing; the coachee and their coaches are the positive controls", async () => {
    const template = await createTemplate(db, w.coach, form([SHORT, LONG]));
    const {
      ids: [id],
    } = await assign(w.coach, template.id, `coachee:${w.coachee.membershipId}`);
    const q = (await getAssessment(db, w.coachee, id)).questions;
    await saveAnswers(db, w.coachee, answers(id, "submit", { [answerFieldName(q[1].id)]: "Private reflection" }));
    const before = JSON.stringify(await db.assessmentAssignment.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }));

    let attempts = 0;
    const leaks: string[] = [];
    const outsiders = {
      otherCoach: w.otherCoach,
      othersCoachee: w.othersCoachee,
      otherOrgCoach: w.other.coach,
      otherOrgAdmin: w.other.admin,
      sam: w.sam,
    };
    for (const [who, actor] of Object.entries(outsiders) as [string, Actor][]) {
      const tries = [
        () => getAssessment(db, actor, id),
        () => listCoacheeAssessments(db, actor, w.coachee.membershipId),
        () => reviewAssessment(db, actor, { assignmentId: id, comment: "x" }),
        () => saveAnswers(db, actor, answers(id, "save", {})),
        () => withdrawAssessment(db, actor, { assignmentId: id }),
      ];
      for (const t of tries) {
        attempts++;
        const result = await answer(t());
        if (!/^(NotFoundError: Not found|ForbiddenError)/.test(result)) leaks.push(`${who}: ${result}`);
      }
      // Those who may reach assessments at all get exactly "not found" for the get.
      const get = await answer(getAssessment(db, actor, id));
      if (!/^(NotFoundError: Not found|ForbiddenError)/.test(get)) leaks.push(`${who} get: ${get}`);
    }
    // Admins, owners, programme managers and sponsors are refused before anything is read.
    for (const actor of [w.owner, w.admin, w.pm, w.sponsor] as Actor[]) {
      for (const t of [() => getAssessment(db, actor, id), () => listCoacheeAssessments(db, actor, w.coachee.membershipId)]) {
        attempts++;
        if ((await answer(t())) !== "ForbiddenError: You do not have permission to do that.") leaks.push(`${actor.role} read`);
      }
      attempts++;
      await expect(listCoachAssessments(db, actor, coachAssessmentsSchema.parse({}))).rejects.toThrow(ForbiddenError);
    }
    // A malformed or missing id: not found, like another organisation's.
    expect(await answer(getAssessment(db, w.coach, "nope"))).toBe("NotFoundError: Not found");
    expect(await answer(getAssessment(db, w.coach, crypto.randomUUID()))).toBe("NotFoundError: Not found");
    // The other organisation's coach listing sees none of it.
    expect((await listCoachAssessments(db, w.other.coach, coachAssessmentsSchema.parse({ status: "all" }))).rows).toEqual([]);
    expect((await listCoachAssessments(db, w.otherCoach, coachAssessmentsSchema.parse({ status: "all" }))).rows).toEqual([]);

    expect(JSON.stringify(await db.assessmentAssignment.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }))).toBe(
      before,
    );
    // Positive controls: the coachee and both coaches read it, answers included.
    for (const actor of [w.coachee, w.coach, w.secondCoach]) {
      expect((await getAssessment(db, actor, id)).answers).toEqual({ [q[1].id]: "Private reflection" });
    }
    expect(leaks).toEqual([]);
    recordFigures("assessments", { crossTenantAttempts: attempts, crossTenantLeaks: leaks.length });
    console.log(`assessments: ${attempts} cross-tenant and wrong-role attempts, ${leaks.length} leaks`);
  });
});
