// A mistake the user can fix: printed as a plain message, never with a stack trace.
// Anything else thrown inside a command is a compiler bug and is shown with its stack.

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Exit code for a compiler bug, distinct from 1 so scripts can tell them apart. */
export const BUG_EXIT_CODE = 2;
