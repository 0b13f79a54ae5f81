import type { PrivacyKind } from "../../support/privacy";
import { files } from "./files";
import { assessments } from "./assessments";
import { goalComments } from "./goal-comments";
import { messages } from "./messages";
import { notes } from "./notes";
import { sessionNotes } from "./session-notes";

/** Every kind of private coaching material the privacy matrix covers (one line per kind). */
export const PRIVACY_KINDS: PrivacyKind[] = [goalComments, notes, sessionNotes, files, assessments, messages];
