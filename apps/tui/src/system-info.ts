/** Facts about the machine worth showing next to the backend report. */
export interface SystemInfo {
  readonly nodeVersion: string;
  readonly platform: string;
  readonly arch: string;
}

export function readSystemInfo(): SystemInfo {
  return { nodeVersion: process.version, platform: process.platform, arch: process.arch };
}
