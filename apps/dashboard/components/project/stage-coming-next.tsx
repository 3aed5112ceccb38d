import type { ReactNode } from "react";
import { EmptyState } from "../empty-state";

/** A project stage the dashboard does not offer yet, saying what it will hold. */
export function StageComingNext({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <EmptyState
      title={title}
      icon={
        <svg
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M12 6v6l4 2" />
          <circle cx="12" cy="12" r="9" />
        </svg>
      }
    >
      {children}
    </EmptyState>
  );
}
