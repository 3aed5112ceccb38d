import type { ReactNode } from "react";

interface EmptyStateProps {
  readonly title: string;
  readonly icon: ReactNode;
  readonly children: ReactNode;
}

/** A section that has nothing to show yet, saying plainly what will appear and why. */
export function EmptyState({ title, icon, children }: EmptyStateProps) {
  return (
    <section className="card empty" data-testid="empty-state">
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
