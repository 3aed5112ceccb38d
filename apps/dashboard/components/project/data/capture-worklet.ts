// The AudioWorklet that hands the microphone's samples to the page: the mono mix (mean of the
// channels) in blocks of 2048 frames, and on "flush" whatever is left. Loaded from a Blob URL,
// so the app ships no separate script file and the bundler never sees worklet globals.

export const CAPTURE_PROCESSOR = "wakeforge-capture";

export const CAPTURE_WORKLET_SOURCE = `
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.block = new Float32Array(2048);
    this.filled = 0;
    this.port.onmessage = (event) => {
      if (event.data === "flush") {
        this.port.postMessage(this.block.slice(0, this.filled));
        this.filled = 0;
      }
    };
  }
  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const channels = input.length;
    const frames = input[0].length;
    for (let i = 0; i < frames; i += 1) {
      let sum = 0;
      for (let c = 0; c < channels; c += 1) sum += input[c][i];
      this.block[this.filled] = sum / channels;
      this.filled += 1;
      if (this.filled === this.block.length) {
        this.port.postMessage(this.block, [this.block.buffer]);
        this.block = new Float32Array(2048);
        this.filled = 0;
      }
    }
    return true;
  }
}
registerProcessor("${CAPTURE_PROCESSOR}", CaptureProcessor);
`;
