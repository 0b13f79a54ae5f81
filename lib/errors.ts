import { msg } from "./i18n/msg";

// Expected errors: their message is safe to show the user, and is a message key with its values
// (lib/i18n/msg.ts) that the reader's language puts into words. Anything else is a bug, logged and
// shown as a generic message.
export class ExpectedError extends Error {
  readonly expected = true;
}

/** A missing id, or an id from another organisation: the two are indistinguishable on purpose. */
export class NotFoundError extends ExpectedError {
  constructor(what = msg("Server.missing")) {
    super(what);
  }
}

export class ForbiddenError extends ExpectedError {
  constructor(message = msg("Server.noPermission")) {
    super(message);
  }
}

export class ValidationError extends ExpectedError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** What a form refused for its fields says above them. */
export const CHECK_FIELDS = msg("Server.checkFields");

/** Bad input in one field: the message shows next to that field, the form says to check it. */
export function fieldError(field: string, message: string): ValidationError {
  return new ValidationError(CHECK_FIELDS, { [field]: [message] });
}

export class RateLimitedError extends ExpectedError {
  constructor() {
    super(msg("Server.tooManyAttempts"));
  }
}

export function isExpectedError(e: unknown): e is ExpectedError {
  return e instanceof ExpectedError;
}
