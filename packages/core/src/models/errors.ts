import { WakeforgeCoreError } from "../errors.js";

/** A model file is not the one the zoo entry describes (its sha256 differs). */
export class ModelFileMismatchError extends WakeforgeCoreError {
  readonly fileName: string;
  readonly expectedSha256: string;
  readonly actualSha256: string;

  constructor(fileName: string, expectedSha256: string, actualSha256: string) {
    super(
      "MODEL_FILE_MISMATCH",
      `${fileName}: sha256 is ${actualSha256}, the model zoo expects ${expectedSha256} (a different or damaged file)`,
    );
    this.fileName = fileName;
    this.expectedSha256 = expectedSha256;
    this.actualSha256 = actualSha256;
  }
}
