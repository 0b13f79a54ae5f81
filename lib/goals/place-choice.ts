import { z } from "zod";
import { createActionItemSchema, moveActionItemSchema } from "./action-items";

// Where an action goes, chosen from one list on a form ("Standalone", a goal, a milestone): the
// select's value is "none", "goal:<id>" or "milestone:<id>", spread here into the goalId and
// milestoneId the services take (which check the place again, against the coachee's own goals).

export const PLACE_NONE = "none";

/** The select's value for a place. */
export function placeValue(place: { goalId: string | null; milestoneId: string | null }): string {
  if (place.milestoneId) return `milestone:${place.milestoneId}`;
  if (place.goalId) return `goal:${place.goalId}`;
  return PLACE_NONE;
}

function spreadPlace(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || !("place" in raw)) return raw;
  const { place, ...rest } = raw as Record<string, unknown>;
  // Anything but one string (a repeated field) is checked as a milestone id, and so refused at the field.
  if (typeof place !== "string") return { ...rest, goalId: "", milestoneId: place };
  const [kind, id] = place.split(":", 2);
  if (kind === PLACE_NONE || place === "") return { ...rest, goalId: "", milestoneId: "" };
  if (kind === "goal") return { ...rest, goalId: id ?? "", milestoneId: "" };
  // A milestone, or anything else: checked as a milestone id, so nonsense gets the milestone's message.
  return { ...rest, goalId: "", milestoneId: kind === "milestone" ? (id ?? "") : String(place) };
}

/** New action from a form with a place list (or hidden goalId / milestoneId fields). */
export const createActionItemFormSchema = z.preprocess(spreadPlace, createActionItemSchema);

/** Move an action to the place chosen from the list. */
export const moveActionItemFormSchema = z.preprocess(spreadPlace, moveActionItemSchema);
