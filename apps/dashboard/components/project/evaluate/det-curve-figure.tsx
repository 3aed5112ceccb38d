interface DetCurveFigureProps {
  /** core's detCurveSvg: escaped by it, drawn on the server. */
  readonly svg: string;
  readonly points: number;
}

/** The DET curve the evaluation drew: missed wakes against false accepts per hour. */
export function DetCurveFigure({ svg, points }: DetCurveFigureProps) {
  return (
    <figure className="chart det-figure" data-testid="det-curve" data-points={points}>
      <figcaption>
        Each point is a threshold: lower thresholds miss fewer wakes (down) and wake falsely more
        often (right). The red ring is the threshold in use.
      </figcaption>
      <div dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}
