import { WakeforgeCoreError } from "../errors.js";

export interface OnnxImportErrorDetails {
  /** The ONNX file being read or converted, e.g. "embedding_model.onnx". */
  readonly fileName?: string;
  /** The op type of the node that could not be converted, e.g. "LSTM". */
  readonly opType?: string;
  /** The name of that node in the ONNX graph. */
  readonly nodeName?: string;
}

/**
 * An ONNX file could not be read or turned into a tfjs model: bytes that are no ONNX model, a
 * tensor type or an op wakeforge does not map. The message names the file, and the op and node
 * where there is one.
 */
export class OnnxImportError extends WakeforgeCoreError {
  readonly fileName: string | undefined;
  readonly opType: string | undefined;
  readonly nodeName: string | undefined;

  constructor(
    message: string,
    details: OnnxImportErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    const where = [
      details.fileName !== undefined ? details.fileName : undefined,
      details.nodeName !== undefined || details.opType !== undefined
        ? `node "${details.nodeName ?? "?"}" (${details.opType ?? "?"})`
        : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(", ");
    super("ONNX_IMPORT", where ? `${where}: ${message}` : message, options);
    this.fileName = details.fileName;
    this.opType = details.opType;
    this.nodeName = details.nodeName;
  }
}
