"use server";

import { memberAction } from "@/lib/actions/action";
import { refreshOrganisation } from "@/lib/actions/refresh";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import {
  answerBooking,
  answerBookingSchema,
  cancelMySession,
  cancelSession,
  cancelSessionSchema,
  editSession,
  editSessionSchema,
} from "@/lib/sessions/changes";
import { agendaSchema, setAgenda } from "@/lib/sessions/notepad";
import { createNote, createNoteSchema } from "@/lib/notes/notes";
import { createActionItem, createActionItemSchema } from "@/lib/goals/action-items";

// A session's own page: change or cancel it ("sessions:manage"; the service decides whether this
// session is the actor's to change, as for every status change).

export const editSessionAction = memberAction("sessions:manage", editSessionSchema, async (actor, input) => {
  const { changed } = await editSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg(changed ? "Sessions.server.saved" : "Sessions.server.unchanged") };
});

export const cancelSessionAction = memberAction("sessions:manage", cancelSessionSchema, async (actor, input) => {
  await cancelSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Sessions.server.cancelled") };
});

// The notepad: the agenda (whoever works the session), and the coach's notes and actions written in it
// (the notes and actions services, given the session; each checks the session is theirs with this coachee).

export const setAgendaAction = memberAction("sessions:manage", agendaSchema, async (actor, input) => {
  await setAgenda(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Sessions.server.agendaSaved"), keep: true };
});

export const addSessionNoteAction = memberAction("coachees:manage", createNoteSchema, async (actor, input) => {
  await createNote(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Sessions.server.noteAdded") };
});

export const addSessionActionItemAction = memberAction("coachees:manage", createActionItemSchema, async (actor, input) => {
  await createActionItem(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Sessions.server.actionAdded") };
});

export const answerBookingAction = memberAction("sessions:manage", answerBookingSchema, async (actor, input) => {
  await answerBooking(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg(input.answer === "approve" ? "Sessions.server.approved" : "Sessions.server.declined") };
});

export const cancelMySessionAction = memberAction("portal:use", cancelSessionSchema, async (actor, input) => {
  const { countsAsUsed } = await cancelMySession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg(countsAsUsed ? "Sessions.server.cancelledLate" : "Sessions.server.cancelledByYou") };
});
