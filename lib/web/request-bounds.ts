// How much one request may carry before any work starts on it: read by next.config.ts (Next's own
// server-action body limit), proxy.ts (which answers 413 before Next reads the body), the app server's
// body gate (lib/web/body-gate.ts, which counts a body as it arrives) and the actions'
// guard (lib/actions/core.ts, which counts the fields before reading any). Free of imports, so the
// config can load it.

/**
 * The largest body a server action takes, in bytes. The largest form is an assessment's answers: 50
 * long answers of up to 5,000 characters, each up to 4 bytes in UTF-8 (1 MB), plus its other fields;
 * a note (50,000 characters) or a group of 2,000 coachees' ids is smaller. 2 MiB leaves room for the
 * multipart framing and nothing more.
 */
export const ACTION_BODY_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The most fields one form may send. The form with the most is a coachee group's (up to 2,000
 * coachees ticked, lib/coachees/groups.ts), plus its name, description and Next's own fields.
 */
export const FORM_FIELDS_MAX = 2_100;

// A form with more fields than any of ours has, or a body past the limit: short, and never the input.
// The proxy's and the app server's own answers, in English (the Server messages' words,
// tests/unit/messages.test.ts checks): they come before any page or action runs, so before a language
// is known, and only a forged or broken request gets them, never a form a person filled in (those stop
// at FORM_FIELDS_MAX, in the guard, which answers in the reader's language).
export const FORM_TOO_LARGE_TEXT = "This form sent more than any form here can. Reload the page and try again.";
export const REQUEST_REFUSED_TEXT = "Request refused.";
