import type { PrivacyKind } from "../../support/privacy";
import { files } from "./files";
import { assessments } from "./assessments";
import { goalComments } from "./goal-comments";
import { messages } from "./messages";
import { notes } from "./notes";

/** Every kind of private coaching material the privacy matrix covers (one line per kind). */
export const PRIVACY_KINDS: PrivacyKind[] = [goalComments, notes, files, assessments, messages];
