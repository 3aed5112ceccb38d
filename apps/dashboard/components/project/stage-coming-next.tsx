import type { ReactNode } from "react";
import { EmptyState } from "../empty-state";
import { StrokeIcon } from "../stroke-icon";

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
        <StrokeIcon>
          <path d="M12 6v6l4 2" />
          <circle cx="12" cy="12" r="9" />
        </StrokeIcon>
      }
    >
      {children}
    </EmptyState>
  );
}
