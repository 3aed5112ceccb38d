export {
  SYSTEM_DEPS_COMMAND,
  SYSTEM_PROGRAMS,
  checkPrograms,
  findProgram,
  isExecutableFile,
  programSearchFromEnv,
  type CheckProgramsOptions,
  type ProgramSearch,
  type ProgramStatus,
  type SystemProgram,
} from "./system-programs.js";
