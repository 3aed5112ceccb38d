import { Box, Text } from "ink";
import type { FieldSpec, FormState } from "../form/form-state.js";
import { useTheme } from "../use-theme.js";

export interface FormProps {
  readonly fields: readonly FieldSpec[];
  readonly state: FormState;
}

function shown(
  field: FieldSpec,
  value: string | boolean | undefined,
): { text: string; empty: boolean } {
  if (field.kind === "toggle") return { text: value === true ? "[x] yes" : "[ ] no", empty: false };
  const text = typeof value === "string" ? value : "";
  return text === "" ? { text: field.placeholder ?? "", empty: true } : { text, empty: false };
}

/** The fields, the selected one marked with ›, the one being edited with its cursor. */
export function Form({ fields, state }: FormProps) {
  const theme = useTheme();
  const labelWidth = Math.max(...fields.map((f) => f.label.length));
  return (
    <Box flexDirection="column">
      {fields.map((field, i) => {
        const selected = i === state.selected;
        const editing = selected && state.draft !== undefined;
        const value = shown(field, state.values[field.key]);
        return (
          <Text key={field.key} wrap="truncate-end">
            <Text color={selected ? theme.accent : undefined} bold={selected}>
              {`${selected ? "›" : " "} ${field.label.padEnd(labelWidth)}  `}
            </Text>
            {editing ? (
              <Text inverse>{`${state.draft ?? ""}▏`}</Text>
            ) : (
              <Text dimColor={value.empty}>{value.text}</Text>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
