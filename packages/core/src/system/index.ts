export {
  SYSTEM_PROGRAMS,
  checkSystemPrograms,
  findOnPath,
  type ProgramStatus,
  type SystemProgram,
} from "./system-programs.js";
