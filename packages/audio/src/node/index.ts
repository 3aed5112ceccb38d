// @wakeforge/audio/node: file access for Node. The main entry stays free of Node built-ins so
// that browsers can use it unchanged.
export { readAudioFile, type ReadAudioFileOptions } from "./read-audio-file.js";
export {
  readWavFileInfo,
  streamWavFile,
  type WavFileBlock,
  type WavFileInfo,
} from "./wav-file-stream.js";
export { createWavFileWriter, type WavFileWriter } from "./wav-file-writer.js";
