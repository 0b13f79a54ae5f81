import { z } from "zod";
import type { GoalLinks } from "@/components/goals/goal-tree";
import { idField } from "@/lib/web/form-fields";
import { queryWith } from "@/lib/web/search-params";

/** Which goal is open, and whether its thread shows whole: both in the URL. */
export const goalsQuerySchema = z.object({
  goal: idField().optional().catch(undefined),
  thread: idField().optional().catch(undefined),
});

/**
 * The links of a goals view's folded parts, for a participant's own pages or a coach's tabs on a
 * coachee's profile: `goals` and `actions` are those lists' URLs with what they keep (the profile's tab).
 */
export function goalLinks(base: { goals: string; actions: string }): GoalLinks {
  const [goalsPath, goalsQuery] = split(base.goals);
  const [actionsPath, actionsQuery] = split(base.actions);
  return {
    goal: (goal) => `${goalsPath}${queryWith(goalsQuery, { goal })}#goal-${goal}`,
    place: (place) => actionsPath + queryWith(actionsQuery, { place }),
    thread: (goal) => `${goalsPath}${queryWith(goalsQuery, { goal, thread: goal })}#comments-${goal}`,
  };
}

function split(url: string): [string, Record<string, string>] {
  const [path, query = ""] = url.split("?");
  return [path, Object.fromEntries(new URLSearchParams(query))];
}
