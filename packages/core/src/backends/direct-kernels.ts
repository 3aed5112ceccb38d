// TensorFlow.js kernels called straight on one backend, without the engine: no Tensor objects,
// scopes, tape or memory bookkeeping per call. The streaming chain runs about 90 small kernels
// per 80 ms chunk, and on wasm the engine's work around each call cost half as much as all the
// convolutions (a chunk took 680 µs through ops, 500 µs through this). Nothing here records
// gradients, so it is for inference only.
import * as tf from "@tensorflow/tfjs";
import { WakeforgeCoreError } from "../errors.js";

/** What the wasm backend adds to KernelBackend: its tensors are views of one heap. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: "float32"): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

function heapOf(name: string, backend: tf.KernelBackend): HeapBackend | undefined {
  const candidate = backend as Partial<HeapBackend>;
  return name === "wasm" &&
    typeof candidate.makeOutput === "function" &&
    typeof candidate.typedArrayFromHeap === "function"
    ? (candidate as HeapBackend)
    : undefined;
}

const rowCount = (x: tf.TensorInfo) => x.shape[1] as number;
const sizeOf = (shape: readonly number[]) => shape.reduce((product, n) => product * n, 1);

/**
 * Kernel calls on the backend that was current when this was made. Every TensorInfo that `run`,
 * `upload` or `retain` hands out is the caller's, to give back with `release`; the engine does
 * not see them, so neither `tf.memory()` nor `tf.tidy` counts or frees them.
 */
export class DirectKernels {
  readonly backendName: string;
  private readonly backend: tf.KernelBackend;
  private readonly kernels = new Map<string, tf.KernelFunc>();
  /** The wasm heap, for row copies that skip the Concat and Slice kernels' argument checks. */
  private readonly heap: HeapBackend | undefined;

  /** `heapCopies: false` keeps to kernels on wasm too (to compare the two). */
  constructor(options: { heapCopies?: boolean } = {}) {
    this.backendName = tf.getBackend();
    this.backend = tf.backend();
    this.heap = options.heapCopies === false ? undefined : heapOf(this.backendName, this.backend);
  }

  /** Runs a single-output kernel; its inputs stay the caller's. */
  run(name: string, inputs: tf.NamedTensorInfoMap | tf.TensorInfo[], attrs: tf.NamedAttrMap = {}) {
    const output = this.kernel(name)({
      inputs: inputs as tf.NamedTensorInfoMap,
      backend: this.backend,
      attrs,
    });
    return (Array.isArray(output) ? output[0] : output) as tf.TensorInfo;
  }

  /** Float32 values onto the backend. */
  upload(values: Float32Array, shape: readonly number[]): tf.TensorInfo {
    const dataId = this.backend.write(values, [...shape], "float32");
    return { dataId, shape: [...shape], dtype: "float32" };
  }

  download(info: tf.TensorInfo): Float32Array {
    return this.backend.readSync(info.dataId) as Float32Array;
  }

  /** One more owner of `info` (released once per `retain` and once for its creation). */
  retain(info: tf.TensorInfo): tf.TensorInfo {
    this.backend.incRef(info.dataId);
    return info;
  }

  /** The rows (axis 1) of `a` followed by those of `b`; all other dimensions must agree. */
  concatRows(a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
    const { heap } = this;
    // With a batch of one, rows are contiguous: the result is a's values then b's.
    if (!heap || a.shape[0] !== 1) return this.run("Concat", [a, b], { axis: 1 });
    const output = heap.makeOutput([1, rowCount(a) + rowCount(b), ...a.shape.slice(2)], "float32");
    // Views after makeOutput: a heap that grew there would have detached earlier ones.
    const values = heap.typedArrayFromHeap(output);
    values.set(heap.typedArrayFromHeap(a));
    values.set(heap.typedArrayFromHeap(b), sizeOf(a.shape));
    return output;
  }

  /** Rows `from … from + count − 1` (axis 1) of `x`; x itself, shared, when that is all of it. */
  rows(x: tf.TensorInfo, from: number, count: number): tf.TensorInfo {
    if (from === 0 && count === rowCount(x)) return this.retain(x);
    const { heap } = this;
    if (!heap || x.shape[0] !== 1) {
      return this.run("Slice", { x }, { begin: [0, from, 0, 0], size: [-1, count, -1, -1] });
    }
    const rest = x.shape.slice(2);
    const rowSize = sizeOf(rest);
    const output = heap.makeOutput([1, count, ...rest], "float32");
    const values = heap.typedArrayFromHeap(output);
    values.set(heap.typedArrayFromHeap(x).subarray(from * rowSize, (from + count) * rowSize));
    return output;
  }

  release(info: tf.TensorInfo): void {
    this.backend.disposeData(info.dataId);
  }

  /** Data the backend holds; nothing else counts what these calls leave behind. */
  dataCount(): number {
    return this.backend.numDataIds();
  }

  private kernel(name: string): tf.KernelFunc {
    let func = this.kernels.get(name);
    if (!func) {
      func = tf.getKernel(name, this.backendName)?.kernelFunc;
      if (!func) {
        throw new WakeforgeCoreError(
          "MISSING_KERNEL",
          `the ${this.backendName} backend has no ${name} kernel`,
        );
      }
      this.kernels.set(name, func);
    }
    return func;
  }
}
