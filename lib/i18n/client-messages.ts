import type { Messages } from "./messages";

/**
 * The messages client components read, by namespace (tests/unit/client-messages.test.ts keeps the list
 * exactly what they use). Only these go to the browser with each page: the rest are read on the server,
 * so a page does not carry every word of the product in its payload.
 */
export const CLIENT_NAMESPACES = [
  "Assessments",
  "Auth.forgotPassword",
  "Auth.resetPassword",
  "Coachees.forms",
  "Coachees.tabs",
  "Cohorts.form",
  "Conversations.form",
  "Errors",
  "Files.upload",
  "Goals.comments",
  "Goals.forms",
  "Goals.progress",
  "Goals.series",
  "Imports.confirm",
  "Imports.outcome",
  "Imports.upload",
  "Invitations",
  "Labels",
  "Language",
  "Notes.editor",
  "Notes.newNote",
  "NotificationCentre.preferences",
  "NotificationCentre.reminders",
  "Pathways.add",
  "Pathways.archive",
  "Pathways.sessionActions",
  "Profile",
  "Programmes.form",
  "Roles",
  "Sessions.form",
  "Sessions.change",
  "Availability",
  "Booking",
  "Sessions.notepad",
  "Settings",
  "Shell",
  "SignIn",
  "SignUp",
  "Ui",
  "Units",
  "Users",
] as const;

type Tree = { [key: string]: string | Tree };

/** A namespace without its `server` messages: what services and actions say is put into words on the server (lib/i18n/msg.ts). */
function withoutServer(namespace: Tree): Tree {
  return Object.fromEntries(Object.entries(namespace).filter(([key]) => key !== "server"));
}

/** The client namespaces of one locale's messages. */
export function clientMessages(messages: Messages): Partial<Messages> {
  const picked: Tree = {};
  for (const namespace of CLIENT_NAMESPACES) {
    const keys = namespace.split(".");
    let from = messages as unknown as Tree;
    let to = picked;
    for (const [i, key] of keys.entries()) {
      const value = from[key];
      if (i === keys.length - 1) to[key] = i === 0 ? withoutServer(value as Tree) : value;
      else {
        from = value as Tree;
        to = (to[key] ??= {}) as Tree;
      }
    }
  }
  return picked as Partial<Messages>;
}
