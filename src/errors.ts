/**
 * A ReplyError is a problem the person should read: its text goes to the chat as it is. Anything
 * else thrown by a handler is a bug: it is logged with the message id and the person gets a short,
 * polite, generic answer.
 */
export class ReplyError extends Error {
  constructor(readonly reply: string) {
    super(reply);
    this.name = 'ReplyError';
  }
}

/** A malformed admin command: the owner gets the reason and the command's usage. */
export class UsageError extends ReplyError {
  constructor(reason: string) {
    super(reason);
    this.name = 'UsageError';
  }
}

/** A command-line tool's refusal: its text is printed as it is, and the tool exits with `code`. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}
