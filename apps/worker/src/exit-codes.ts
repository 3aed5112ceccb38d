/** Exit codes of the `wakeforge` command; scripts and tests rely on them. */
export const EXIT = {
  ok: 0,
  /** The work ran and found a problem (a missing requirement, a failed file). */
  failure: 1,
  /** The command line was wrong: unknown command or flag, bad value. */
  usage: 2,
} as const;
