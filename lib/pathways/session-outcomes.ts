// Client-safe: the session status service enforces these, and the pathway page reads them to decide
// which buttons a session that has not started yet shows.

import { msg } from "../i18n/msg";

/** Outcomes only a session that has begun can have (attended spends one of the included sessions). */
export const SESSION_OUTCOMES: ReadonlySet<string> = new Set(["ATTENDED", "NO_SHOW"]);

export const NOT_STARTED_MESSAGE = msg("Pathways.server.notStarted");
