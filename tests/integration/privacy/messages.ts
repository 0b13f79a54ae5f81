import { sendMessage } from "../../../lib/messages/send";
import { getThread, listThreads } from "../../../lib/messages/threads";
import { listNotifications } from "../../../lib/notifications/centre";
import type { TestActor } from "../../factories/actor";
import { anyShows, shows, type PrivacyKind, type PrivacyWorld } from "../../support/privacy";

// Messages between the coachee and their pathway coach: the two of them only. Another coach of the
// coachee has a thread of their own with them, which never shows this one.
export const messages: PrivacyKind = {
  kind: "messages",
  models: ["Message"],
  async items(db, w) {
    const made = [
      { label: "the coach's message to the coachee", by: w.coach, to: w.coachee },
      { label: "the coachee's message to the coach", by: w.coachee, to: w.coach },
    ];
    const items = [];
    for (const { label, by, to } of made) {
      const marker = `Secret ${crypto.randomUUID()}`;
      await sendMessage(db, by, { to: to.membershipId, body: `${marker} and the rest of the message` });
      items.push({ label, readers: ["coach", "coachee"] as const, sees: (viewer: TestActor) => seen(db, w, viewer, marker) });
    }
    return items;
  },
};

/** Whether the viewer finds the marker in their threads list, a thread with either party, or their notifications. */
function seen(db: Parameters<PrivacyKind["items"]>[0], w: PrivacyWorld, viewer: TestActor, marker: string): Promise<boolean> {
  const has = (result: unknown) => JSON.stringify(result).includes(marker);
  return anyShows([
    () => shows(listThreads(db, viewer), has),
    () => shows(getThread(db, viewer, w.coachee.membershipId), has),
    () => shows(getThread(db, viewer, w.coach.membershipId), has),
    () => shows(listNotifications(db, viewer), has),
  ]);
}
