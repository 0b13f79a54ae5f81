// Expected errors: their message is safe to show the user. Anything else is a bug, logged and shown
// as a generic message.
export class ExpectedError extends Error {
  readonly expected = true;
}

/** A missing id, or an id from another organisation: the two are indistinguishable on purpose. */
export class NotFoundError extends ExpectedError {
  constructor(what = "Not found") {
    super(what);
  }
}

export class ForbiddenError extends ExpectedError {
  constructor(message = "You do not have permission to do that.") {
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

/** Bad input in one field: the message shows next to that field, the form says to check it. */
export function fieldError(field: string, message: string): ValidationError {
  return new ValidationError("Check the highlighted fields.", { [field]: [message] });
}

export class RateLimitedError extends ExpectedError {
  constructor() {
    super("Too many attempts. Wait a while, then try again.");
  }
}

export function isExpectedError(e: unknown): e is ExpectedError {
  return e instanceof ExpectedError;
}
