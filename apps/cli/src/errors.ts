/** Exit codes: 0 fine, 1 findings at or above --fail-on, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A usage or input error: its message is printed as is and the exit code is 2. */
export class CliError extends Error {}
