// Failures the command line reports in one line instead of a stack trace: errors wakeforge
// raises on purpose (bad files, unusable models) and file-system errors.
import { AudioError } from "@wakeforge/audio";
import { WakeforgeCoreError } from "@wakeforge/core";
import { WakeforgeJobsError } from "@wakeforge/jobs";
import { SynthError } from "@wakeforge/synth";

export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    "syscall" in error
  );
}

export function isExpectedFailure(error: unknown): error is Error {
  return (
    error instanceof AudioError ||
    error instanceof WakeforgeCoreError ||
    error instanceof SynthError ||
    error instanceof WakeforgeJobsError ||
    isFileSystemError(error)
  );
}

/**
 * One line naming the file and the problem. `file` is the file being worked on, used where the
 * error itself does not name one.
 */
export function describeFailure(error: Error, file?: string): string {
  if (isFileSystemError(error)) {
    const reason =
      error.code === "ENOENT"
        ? "file not found"
        : error.code === "EISDIR"
          ? "is a directory"
          : `${error.code} (${error.syscall})`;
    const where = error.path ?? file;
    return where === undefined ? error.message : `${where}: ${reason}`;
  }
  const namesItsFile = error instanceof AudioError && error.fileName !== undefined;
  return file === undefined || namesItsFile ? error.message : `${file}: ${error.message}`;
}
