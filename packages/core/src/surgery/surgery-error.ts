import { WakeforgeCoreError } from "../errors.js";

/** A surgery request that does not fit the model: an unknown layer, an empty range. */
export class SurgeryError extends WakeforgeCoreError {
  constructor(message: string) {
    super("SURGERY", message);
  }
}
