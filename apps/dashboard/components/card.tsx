import type { HTMLAttributes, ReactNode } from "react";

interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** Id of the heading, which also names the section for assistive technology. */
  readonly titleId: string;
  readonly title: ReactNode;
  readonly sub?: ReactNode;
  /** Beside the title, e.g. a badge. */
  readonly aside?: ReactNode;
  readonly children: ReactNode;
}

/**
 * A titled section of a page. The children come after the head as they are, so a card can
 * hold a `card-body` div, a form, or a list.
 */
export function Card({ titleId, title, sub, aside, children, ...rest }: CardProps) {
  return (
    <section className="card" aria-labelledby={titleId} {...rest}>
      <div className="card-head">
        <div>
          <h2 id={titleId}>{title}</h2>
          {sub !== undefined ? <p className="card-sub">{sub}</p> : null}
        </div>
        {aside}
      </div>
      {children}
    </section>
  );
}
