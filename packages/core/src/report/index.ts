export { detCurveSvg, type DetCurveSvgOptions, type DetOperatingPoint } from "./det-curve-svg.js";
export {
  compareCurves,
  epochValues,
  learningCurvesSvg,
  slopeRatio,
  type CurveComparison,
  type EpochValues,
  type LearningCurvesInput,
} from "./learning-curves-svg.js";
export {
  renderReportHtml,
  verdictFromCurves,
  verdictSentence,
  type RenderReportInput,
  type ReportVerdict,
} from "./report-html.js";
export {
  scoreTimelineSvg,
  type ScoreTimelineInput,
  type TimelineSpan,
} from "./score-timeline-svg.js";
export { escapeXml } from "./svg.js";
