import { describe, expect, it } from "vitest";
import { activitySentence } from "../../lib/activity/sentence";
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";

const words = createTranslator({ locale: "en", messages: en });

const time = (d: Date) => d.toISOString();
const say = (kind: string, data: unknown, actorName: string | null = "Carla Coach") =>
  activitySentence({ kind, data, actorName, coacheeName: "Pat Participant" }, time, words);

describe("goal activity sentences", () => {
  it("name the goal, milestone or action and who did it", () => {
    expect(say("goal.created", { title: "Run a half marathon" })).toBe(
      "Carla Coach set the goal “Run a half marathon” for Pat Participant",
    );
    expect(say("goal.created", { title: "Sleep" }, "Pat Participant")).toBe("Pat Participant set themselves the goal “Sleep”");
    expect(say("goal.completed", { title: "Sleep" })).toBe("Pat Participant completed the goal “Sleep”");
    expect(say("milestone.completed", { title: "Base", goalTitle: "Run" })).toBe("Pat Participant reached the milestone “Base” of “Run”");
    expect(say("action.completed", { title: "Train" }, "Pat Participant")).toBe("Pat Participant marked the action “Train” done");
  });

  it("still read when the data is missing", () => {
    expect(say("milestone.completed", {})).toBe("Pat Participant reached the milestone “a milestone” of “a goal”");
    expect(say("action.completed", null, null)).toBe("Pathwise marked the action “an action” done");
  });
});
