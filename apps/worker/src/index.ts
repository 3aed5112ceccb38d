export { runCli } from "./cli.js";
export { EXIT } from "./exit-codes.js";
export type { CommandIo } from "./io.js";
