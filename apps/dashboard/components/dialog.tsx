"use client";

import { useEffect, useRef, type ReactNode } from "react";

interface DialogProps {
  readonly open: boolean;
  /** Called when the person closes it (Escape, a Cancel button, the backdrop form). */
  readonly onClose: () => void;
  readonly labelledBy: string;
  readonly testId?: string;
  readonly children: ReactNode;
}

/**
 * A modal on the browser's own <dialog>: focus is trapped and Escape closes it without any
 * script of ours, and the page behind is inert while it is open.
 */
export function Dialog({ open, onClose, labelledBy, testId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={onClose}
    >
      {open ? children : null}
    </dialog>
  );
}
