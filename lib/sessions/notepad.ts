import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { msg } from "../i18n/msg";
import { NotFoundError } from "../errors";
import { reachCoachee } from "../coaching/material";
import { sessionNotes } from "../notes/notes";
import { idField } from "../web/form-fields";
import { lockSessionToWork, sessionDetails } from "./access";

// A session's notepad: its agenda, the notes written in it and the actions agreed in it. Who sees what
// follows the rules of each thing, never the session's: the session (and its agenda) whoever reaches it
// (lib/sessions/access.ts); its notes as notes are seen (lib/notes/notes.ts: a private note by its author
// only, a shared one by the coachee and their coaches); its actions by the coachee and their coaches.
// Admins, programme managers and sponsors who reach a pathway's session see its agenda, never its notes
// or actions.

export const AGENDA_MAX = 5_000;
/** Notes and actions a notepad shows at most of each (a session's worth; more says so). */
export const NOTEPAD_ITEMS_MAX = 100;

export const agendaSchema = z.strictObject({
  sessionId: idField(),
  agenda: z
    .string()
    .transform((s) => s.replaceAll("\u0000", ""))
    .pipe(z.string().max(AGENDA_MAX, msg("Sessions.server.agendaMax", { max: AGENDA_MAX })))
    .default(""),
});
export type AgendaInput = z.infer<typeof agendaSchema>;

/** Writes the session's agenda: whoever may work the session (its coach, or a pathway's session managers). */
export async function setAgenda(db: Db, actor: Actor, input: AgendaInput) {
  assertCan(actor.role, "sessions:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const session = await lockSessionToWork(tx, actor, input.sessionId);
    await tx.coachingSession.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: session.id } },
      data: { agenda: input.agenda },
    });
    return { id: session.id, agenda: input.agenda };
  });
}

/**
 * The session as its page and notepad show it: the details, the agenda, and the notes and actions of
 * the session the actor may see; `canWrite` when the actor is the session's coach and still coaches the
 * coachee (the notepad's forms).
 */
export async function sessionNotepad(db: Db, actor: Actor, sessionId: string) {
  const session = await sessionDetails(db, actor, sessionId);
  const t = tenantDb(db, actor.organizationId);
  const { agenda } = await t.coachingSession.findFirstOrThrow({ where: { id: session.id }, select: { agenda: true } });
  const material = await t.$transaction(async (tx) => {
    if (!can(actor.role, "goals:own") && !can(actor.role, "coachees:manage")) return null;
    const coachee = await reachCoachee(tx, actor, session.coacheeMembershipId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!coachee) return null;
    const [notes, actions] = await Promise.all([
      sessionNotes(tx, actor, coachee, session.id, NOTEPAD_ITEMS_MAX + 1),
      tx.action.findMany({
        where: { coacheeMembershipId: coachee, sessionId: session.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: NOTEPAD_ITEMS_MAX + 1,
        select: { id: true, title: true, dueDate: true, progress: true, completedAt: true },
      }),
    ]);
    return { notes, actions };
  });
  const notes = material?.notes ?? [];
  const actions = material?.actions ?? [];
  return {
    session,
    agenda,
    privateNotes: notes.filter((n) => !n.shared).slice(0, NOTEPAD_ITEMS_MAX),
    sharedNotes: notes.filter((n) => n.shared).slice(0, NOTEPAD_ITEMS_MAX),
    actions: actions.slice(0, NOTEPAD_ITEMS_MAX),
    /** Whether the actor may see the session's notes and actions at all (admins and the like never do). */
    seesMaterial: material !== null,
    more: notes.length > NOTEPAD_ITEMS_MAX || actions.length > NOTEPAD_ITEMS_MAX,
    canWrite: material !== null && session.coachMembershipId === actor.membershipId,
  };
}
