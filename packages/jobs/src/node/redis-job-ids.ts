// Wakeforge job ids as BullMQ job ids. BullMQ refuses some ids (integers, ids with ":") and
// others would land on its own keys (a job "meta" would be stored at the queue's meta hash).
// Those are stored escaped, as "~" followed by the id percent-encoded; every other id is kept
// as it is, so the ids people see in BullMQ's own tools are theirs.
import { JobQueueError } from "../errors.js";

const ESCAPE = "~";

/** Whether BullMQ would refuse `id` or store it where one of its own keys lives. */
function needsEscape(id: string, reserved: ReadonlySet<string>): boolean {
  return (
    id.startsWith(ESCAPE) ||
    id.includes(":") ||
    // BullMQ's own test: ids that read back as integers are its generated ids.
    `${parseInt(id, 10)}` === id ||
    reserved.has(id)
  );
}

/** The BullMQ id under which the job `id` is stored; `reserved` names the queue's own keys. */
export function toBullId(id: string, reserved: ReadonlySet<string>): string {
  if (!needsEscape(id, reserved)) return id;
  try {
    return ESCAPE + encodeURIComponent(id);
  } catch (error) {
    // Only a string with a lone UTF-16 surrogate cannot be encoded: no real id has one.
    throw new JobQueueError("INVALID_QUEUE_ARGUMENT", `job id ${JSON.stringify(id)} is not text`, {
      cause: error,
    });
  }
}

/** The wakeforge id of the job stored under `bullId`. */
export function fromBullId(bullId: string): string {
  return bullId.startsWith(ESCAPE) ? decodeURIComponent(bullId.slice(ESCAPE.length)) : bullId;
}
