import { version } from "@tensorflow/tfjs";

/** The TensorFlow.js version models are built and saved with (recorded in manifests). */
export const TFJS_VERSION: string = version.tfjs;
