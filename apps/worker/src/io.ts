/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}
