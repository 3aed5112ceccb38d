import type { ReactNode } from "react";

/** A 22-pixel line icon on a 24-unit grid, drawn in the text colour; the children are its shapes. */
export function StrokeIcon({ children }: { readonly children: ReactNode }) {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      {children}
    </svg>
  );
}
