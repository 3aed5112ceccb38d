/** An uploaded model directory that is not a usable model for this project; answered with 422. */
export class ModelUploadError extends Error {
  readonly code = "INVALID_MODEL";

  constructor(message: string) {
    super(message);
    this.name = "ModelUploadError";
  }
}
