import type { Key } from "ink";
import { useCallback, useRef, useState } from "react";
import {
  formKeyPress,
  formState,
  type FieldSpec,
  type FormState,
  type FormValues,
} from "./form-state.js";

/**
 * A form's state for a screen. Keys go through a ref, not the last render's state, because keys
 * typed fast (or sent by a script) arrive before React has drawn the previous one.
 */
export function useForm(initial: FormValues) {
  const [form, setForm] = useState(() => formState(initial));
  const current = useRef(form);
  const set = useCallback((next: FormState) => {
    current.current = next;
    setForm(next);
  }, []);
  /** Applies a key press; true when the form used it. */
  const press = useCallback(
    (fields: readonly FieldSpec[], input: string, key: Key): boolean => {
      const result = formKeyPress(current.current, fields, input, key);
      if (result.consumed) set(result.state);
      return result.consumed;
    },
    [set],
  );
  return { form, current, set, press };
}
