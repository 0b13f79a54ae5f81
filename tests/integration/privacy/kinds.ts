import type { PrivacyKind } from "../../support/privacy";
import { assessments } from "./assessments";
import { goalComments } from "./goal-comments";

/** Every kind of private coaching material the privacy matrix covers (one line per kind). */
export const PRIVACY_KINDS: PrivacyKind[] = [goalComments, assessments];
