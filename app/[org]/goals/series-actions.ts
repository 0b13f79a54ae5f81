"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { msg } from "@/lib/i18n/msg";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import {
  createSeries,
  createSeriesSchema,
  deleteSeries,
  seriesIdSchema,
  updateSeries,
  updateSeriesSchema,
  type CreateSeriesInput,
  type UpdateSeriesInput,
} from "@/lib/goals/series";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/web/safe-redirect";

// Recurring actions, for both who work on a coachee's goals: a coach from their workspace
// ("coachees:manage") and the coachee themself ("goals:own"), one action for either permission;
// the services check again whose goals they are.

async function create(actor: Actor, input: CreateSeriesInput) {
  const made = await createSeries(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.seriesAdded", { count: made.occurrences }) };
}

async function update(actor: Actor, input: UpdateSeriesInput) {
  const done = await updateSeries(db(), actor, input);
  refreshOrganisation();
  const changed = done.removed || done.added ? "yes" : "no";
  return { ok: true as const, message: msg("Goals.server.seriesSaved", { changed, count: done.added }) };
}

async function remove(actor: Actor, input: { seriesId: string }) {
  const done = await deleteSeries(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.seriesDeleted", { count: done.kept }) };
}

const GOALS = ["coachees:manage", "goals:own"] as const;

export const createSeriesAction = memberAction(GOALS, createSeriesSchema, create);
export const updateSeriesAction = memberAction(GOALS, updateSeriesSchema, update);
export const deleteSeriesAction = memberAction(GOALS, seriesIdSchema, remove);

/** Deleting from the series' own page, which is gone afterwards: back to the goals it was on (our own origin only). */
export const deleteSeriesAndLeaveAction = memberAction(
  GOALS,
  seriesIdSchema.extend({ back: z.string().max(2000) }),
  async (actor, input) => {
    await remove(actor, { seriesId: input.seriesId });
    redirect(safeRedirectPath(input.back, env().APP_URL));
  },
);
