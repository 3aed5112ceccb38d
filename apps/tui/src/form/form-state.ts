// A small keyboard form: fields picked with the arrow keys, text and number fields edited in
// place (enter to edit, enter to keep, esc to undo), switches flipped with enter or space. Pure:
// a key press in, the next state out, and whether the form used the key (so the screen and the
// App leave it alone).
import type { Key } from "ink";

export type FieldKind = "text" | "number" | "toggle";

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Shown, dimmed, when a text field is empty. */
  readonly placeholder?: string;
}

export type FormValues = Readonly<Record<string, string | boolean>>;

export interface FormState {
  readonly values: FormValues;
  readonly selected: number;
  /** The draft of the field being edited; undefined when none is. */
  readonly draft: string | undefined;
}

export function formState(values: FormValues): FormState {
  return { values, selected: 0, draft: undefined };
}

export interface FormKeyResult {
  readonly state: FormState;
  readonly consumed: boolean;
}

/** Printable text from a key press (a paste may bring several characters at once). */
function printable(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return "";
  // eslint-disable-next-line no-control-regex
  return input.replace(/[\u0000-\u001f\u007f]/g, "");
}

function editKey(state: FormState, field: FieldSpec, input: string, key: Key): FormState {
  const draft = state.draft ?? "";
  if (key.escape) return { ...state, draft: undefined };
  if (key.return)
    return { ...state, values: { ...state.values, [field.key]: draft.trim() }, draft: undefined };
  if (key.backspace || key.delete) return { ...state, draft: draft.slice(0, -1) };
  const typed = printable(input, key);
  const allowed = field.kind === "number" ? typed.replace(/[^0-9]/g, "") : typed;
  return { ...state, draft: draft + allowed };
}

export function formKeyPress(
  state: FormState,
  fields: readonly FieldSpec[],
  input: string,
  key: Key,
): FormKeyResult {
  const field = fields[state.selected];
  if (!field) return { state, consumed: false };
  if (state.draft !== undefined)
    return { state: editKey(state, field, input, key), consumed: true };
  if (key.upArrow || key.downArrow) {
    const step = key.upArrow ? -1 : 1;
    const selected = Math.min(fields.length - 1, Math.max(0, state.selected + step));
    return { state: { ...state, selected }, consumed: true };
  }
  if (field.kind === "toggle" && (key.return || input === " ")) {
    const values = { ...state.values, [field.key]: state.values[field.key] !== true };
    return { state: { ...state, values }, consumed: true };
  }
  if (key.return) {
    return { state: { ...state, draft: String(state.values[field.key] ?? "") }, consumed: true };
  }
  return { state, consumed: false };
}
