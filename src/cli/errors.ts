/** Errors the CLI reports as a Chinese message with a given exit code (no stack trace). */

/** Exit codes of every command: 0 no 错误, 1 with 错误, 2 input that cannot be read, 3 wrong usage. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 3 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The input file cannot be read (missing, not an .xlsx, corrupt, encrypted, not a package): exit 2. */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, EXIT.unreadable);
  }
}

/** Wrong arguments: exit 3. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}
