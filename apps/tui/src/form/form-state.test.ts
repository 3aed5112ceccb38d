import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { formKeyPress, formState, type FieldSpec, type FormState } from "./form-state.js";

const fields: FieldSpec[] = [
  { key: "word", label: "phrase", kind: "text" },
  { key: "epochs", label: "epochs", kind: "number" },
  { key: "scratch", label: "scratch", kind: "toggle" },
];
const NONE: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const press = (state: FormState, input: string, key: Partial<Key> = {}) =>
  formKeyPress(state, fields, input, { ...NONE, ...key });

describe("form keys", () => {
  it("edits a text field in place: enter to edit, typing, backspace, enter to keep", () => {
    let state = formState({ word: "hey", epochs: "10", scratch: true });
    state = press(state, "", { return: true }).state;
    expect(state.draft).toBe("hey");
    state = press(state, " nova").state; // a paste arrives whole
    state = press(state, "", { backspace: true }).state;
    state = press(state, "a").state;
    state = press(state, "", { return: true }).state;
    expect(state).toMatchObject({ draft: undefined, values: { word: "hey nova" } });
  });

  it("undoes an edit on esc and keeps only digits in a number field", () => {
    let state = press(formState({ word: "", epochs: "10", scratch: false }), "", {
      downArrow: true,
    }).state;
    state = press(state, "", { return: true }).state;
    state = press(state, "x5!").state;
    expect(state.draft).toBe("105");
    expect(press(state, "", { escape: true }).state.values["epochs"]).toBe("10");
  });

  it("flips a switch with space or enter, and moves between fields without leaving the form", () => {
    let state = formState({ word: "", epochs: "1", scratch: false });
    state = press(state, "", { upArrow: true }).state;
    expect(state.selected).toBe(0);
    for (let i = 0; i < 5; i += 1) state = press(state, "", { downArrow: true }).state;
    expect(state.selected).toBe(2);
    state = press(state, " ").state;
    expect(state.values["scratch"]).toBe(true);
    state = press(state, "", { return: true }).state;
    expect(state.values["scratch"]).toBe(false);
  });

  it("leaves other keys to the screen, but takes every key while editing", () => {
    const idle = formState({ word: "", epochs: "1", scratch: false });
    expect(press(idle, "s").consumed).toBe(false);
    expect(press(idle, "q").consumed).toBe(false);
    const editing = press(idle, "", { return: true }).state;
    expect(press(editing, "q")).toMatchObject({ consumed: true, state: { draft: "q" } });
    expect(press(editing, "c", { ctrl: true }).state.draft).toBe("");
  });
});
