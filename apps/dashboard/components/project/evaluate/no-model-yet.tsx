import { Card } from "../../card";

interface NoModelYetProps {
  readonly title: string;
  /** What the tab does once there is a model: "measure it here". */
  readonly then: string;
  readonly testId: string;
}

/** A tab that works on a trained model, before the project has one. */
export function NoModelYet({ title, then, testId }: NoModelYetProps) {
  return (
    <Card titleId={`${testId}-title`} title={title} data-testid={testId}>
      <div className="card-body">
        <p className="hint" style={{ margin: 0 }}>
          No model yet: train one on the Train tab, then {then}.
        </p>
      </div>
    </Card>
  );
}
