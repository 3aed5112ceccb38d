// Gradient kernels the tfjs wasm backend lacks, built from kernels it has, so training that
// reaches into convolutional layers (fine-tuning the base, training a conv net from scratch)
// runs at wasm speed instead of failing or falling back to the plain cpu backend.
import * as tf from "@tensorflow/tfjs";

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
}

/**
 * dW[a, b, ci, co] = Σ_{n,i,j} x[n, i·s + a − padTop, j·s + b − padLeft, ci] · dy[n, i, j, co].
 * That is itself a convolution: treat the input's channels as the batch and its batch as the
 * channels, and the output gradient as the filter, dilated by the forward stride.
 */
function conv2DBackpropFilterFromConv2D(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  attrs: Conv2DBackpropFilterAttrs,
): tf.Tensor4D {
  if (attrs.dataFormat !== "NHWC") {
    throw new Error(
      `Conv2DBackpropFilter on wasm: only NHWC is supported, got ${attrs.dataFormat}`,
    );
  }
  const [kh, kw] = attrs.filterShape;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape,
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    "channelsLast",
  );
  const { top, bottom, left, right } = info.padInfo;
  return tf.tidy(() => {
    const padded = tf.pad(x, [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ]);
    const channelsAsBatch = tf.transpose(padded, [3, 1, 2, 0]); // [Cin, Hp, Wp, N]
    const gradientAsFilter = tf.transpose(dy, [1, 2, 0, 3]); // [Ho, Wo, N, Cout]
    const full = tf.conv2d(channelsAsBatch, gradientAsFilter, 1, "valid", "NHWC", [
      info.strideHeight,
      info.strideWidth,
    ]); // [Cin, ≥kh, ≥kw, Cout]
    const cropped = tf.slice(full, [0, 0, 0, 0], [-1, kh, kw, -1]);
    return tf.transpose(cropped, [1, 2, 0, 3]); // [kh, kw, Cin, Cout]
  });
}

let registered = false;

/** Registers the missing gradient kernels for the wasm backend (once per process). */
export function registerWasmGradientKernels(): void {
  if (registered || tf.getKernel("Conv2DBackpropFilter", "wasm") !== undefined) {
    registered = true;
    return;
  }
  tf.registerKernel({
    kernelName: "Conv2DBackpropFilter",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const kernelBackend = backend as tf.KernelBackend;
      // Tensors over the inputs' buffers, with their own reference so disposing them later
      // leaves the inputs alive.
      const wrap = (info: tf.TensorInfo) => {
        kernelBackend.incRef(info.dataId);
        return tf.engine().makeTensorFromTensorInfo(info, kernelBackend) as tf.Tensor4D;
      };
      const xTensor = wrap(x);
      const dyTensor = wrap(dy);
      try {
        const result = conv2DBackpropFilterFromConv2D(
          xTensor,
          dyTensor,
          attrs as unknown as Conv2DBackpropFilterAttrs,
        );
        // The output must be a buffer of its own: the filter gradient is small (kh·kw·Cin·Cout
        // values), so copying it out of the intermediate tensor costs next to nothing.
        const values = result.dataSync() as Float32Array;
        const shape = result.shape;
        result.dispose();
        const dataId = kernelBackend.write(values, shape, "float32");
        return { dataId, shape, dtype: "float32" };
      } finally {
        tf.dispose([xTensor, dyTensor]);
      }
    },
  });
  registered = true;
}
