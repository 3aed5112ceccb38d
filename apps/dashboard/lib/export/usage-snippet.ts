// The few lines that run a downloaded detector from @wakeforge/core in one's own Node program.
// The names are core's public API; the end-to-end test runs this very text on a download.

export interface UsageSnippetInput {
  /** The folder the tfjs zip unpacks to, e.g. "hey-nova". */
  readonly folder: string;
}

export function usageSnippet({ folder }: UsageSnippetInput): string {
  return `// npm install @wakeforge/core @wakeforge/audio
// unzip ${folder}-tfjs.zip, then: node detect.mjs recording.wav
import { readAudioFile } from "@wakeforge/audio/node";
import {
  Embedder,
  StreamingDetector,
  fullyConvolutionalBase,
  initBackend,
  loadModelDirectory,
  loadSpeechEmbeddingBase,
} from "@wakeforge/core";

await initBackend("auto");
// The head you trained, with its phrase and calibrated threshold (wakeforge.json).
const { model, manifest } = await loadModelDirectory("./${folder}");
// The pre-trained speech-embedding base it listens through.
const embedder = new Embedder(fullyConvolutionalBase(await loadSpeechEmbeddingBase()));

const { samples, sampleRateHz } = await readAudioFile(process.argv[2]);
const detector = new StreamingDetector(
  embedder,
  [{ name: manifest.phrase, model, policy: { threshold: manifest.threshold } }],
  { inputSampleRateHz: sampleRateHz },
);
// Push audio as it arrives, in chunks of any size (here 80 ms).
const chunk = Math.round(sampleRateHz * 0.08);
for (let at = 0; at < samples.length; at += chunk) {
  for (const wake of detector.push(samples.subarray(at, at + chunk)).detections) {
    console.log(\`\${wake.head} at \${wake.timeSeconds.toFixed(2)} s (score \${wake.score.toFixed(3)})\`);
  }
}
`;
}
