// The screens draw on the terminal's alternate screen, as full-screen programs do: what was on
// the terminal before comes back, untouched, when the program ends, however it ends.
const ENTER = "\u001B[?1049h";
const LEAVE = "\u001B[?1049l";
const SHOW_CURSOR = "\u001B[?25h";

/** Switches `stdout` to the alternate screen; the returned function (also run on exit) leaves it. */
export function enterAlternateScreen(stdout: NodeJS.WriteStream): () => void {
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.off("exit", leave);
    stdout.write(`${SHOW_CURSOR}${LEAVE}`);
  };
  stdout.write(ENTER);
  process.on("exit", leave);
  return leave;
}
