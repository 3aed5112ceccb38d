import type { ReactNode } from "react";

interface MessageProps {
  /** "error": an alert read out at once; "ok": a status line. */
  readonly kind: "ok" | "error";
  readonly testId?: string;
  readonly children: ReactNode;
}

/** The line under a form or card that says how an action went. */
export function Message({ kind, testId, children }: MessageProps) {
  return (
    <p
      className={kind === "ok" ? "notice" : "alert"}
      role={kind === "ok" ? "status" : "alert"}
      style={{ marginTop: 12 }}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
