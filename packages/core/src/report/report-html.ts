// The report a model directory carries: one self-contained HTML page (inline CSS, inline SVG,
// nothing fetched) with the verdict in words, a plain warning when transfer hurt, the
// learning curves, the evaluation table, the DET picture and the worst samples.
import type { EvaluationResult, SampleScore } from "../evaluation/evaluate-detector.js";
import { detCurveSvg } from "./det-curve-svg.js";
import {
  compareCurves,
  learningCurvesSvg,
  slopeRatio,
  type CurveComparison,
  type LearningCurvesInput,
} from "./learning-curves-svg.js";
import { scoreTimelineSvg, type ScoreTimelineInput } from "./score-timeline-svg.js";
import { escapeXml, formatNumber, formatPercent } from "./svg.js";

/**
 * The transfer-vs-scratch verdict: the three points of the design, with numbers. Training's
 * TransferVerdict (compareLearningCurves) fits as it is.
 */
export interface ReportVerdict {
  readonly metric: string;
  /** Default: false for metrics named like a loss or an error. */
  readonly higherIsBetter?: boolean;
  readonly start: { readonly transfer: number; readonly scratch: number };
  /** Mean change per epoch early in training. */
  readonly slope: { readonly transfer: number; readonly scratch: number };
  readonly end: { readonly transfer: number; readonly scratch: number };
  /** Transfer ended below scratch (or never caught up): the pre-trained base hurt. */
  readonly negativeTransfer: boolean;
  /** The trainer's words for the warning box; a default sentence otherwise. */
  readonly warning?: string | undefined;
  /** The trainer's own summary, shown under the sentence (line breaks kept). */
  readonly summary?: string | undefined;
}

function asComparison(verdict: ReportVerdict): CurveComparison {
  return {
    metric: verdict.metric,
    higherIsBetter: verdict.higherIsBetter ?? !/loss|error|false/i.test(verdict.metric),
    start: verdict.start,
    slope: verdict.slope,
    end: verdict.end,
  };
}

export interface RenderReportInput {
  readonly phrase: string;
  /** Default: computed from the first curve (see compareCurves). */
  readonly verdict?: ReportVerdict;
  /** One learning-curve picture per metric. */
  readonly curves?: readonly LearningCurvesInput[];
  readonly evaluation?: EvaluationResult;
  readonly timeline?: ScoreTimelineInput;
  /** Facts shown as a small table: base, backend, training time, model size… */
  readonly details?: Readonly<Record<string, string | number>>;
  readonly notes?: readonly string[];
  /** Default: now. */
  readonly generatedAt?: Date | string;
  /** Rows in the worst-samples table. Default 15. */
  readonly worstSamples?: number;
}

const esc = escapeXml;

/** A verdict from the curves alone: negative transfer when transfer ends on the wrong side of scratch. */
export function verdictFromCurves(curves: LearningCurvesInput): ReportVerdict {
  const comparison = compareCurves(curves);
  const { transfer, scratch } = comparison.end;
  const worse = comparison.higherIsBetter ? transfer < scratch : transfer > scratch;
  return { ...comparison, negativeTransfer: worse };
}

/**
 * The verdict in one sentence: "Transfer started at 0.81 vs 0.52, climbed 2.3× faster and ended
 * at 0.97 vs 0.88 (accuracy, transfer vs. from scratch)."
 */
export function verdictSentence(input: ReportVerdict | CurveComparison): string {
  const verdict = "negativeTransfer" in input ? asComparison(input) : input;
  const f = (v: number) => formatNumber(v);
  const moved = verdict.higherIsBetter ? "climbed" : "fell";
  const ratio = slopeRatio(verdict);
  let slope: string;
  if (ratio === undefined) {
    const signed = (v: number) =>
      Number.isFinite(v) ? `${v >= 0 ? "+" : "−"}${f(Math.abs(v))}` : "–";
    slope = `moved ${signed(verdict.slope.transfer)} vs ${signed(verdict.slope.scratch)} per epoch`;
  } else if (ratio >= 1) {
    slope = `${moved} ${formatNumber(ratio, 2)}× faster`;
  } else {
    slope = `${moved} only ${formatNumber(ratio, 2)}× as fast`;
  }
  return (
    `Transfer started at ${f(verdict.start.transfer)} vs ${f(verdict.start.scratch)}, ${slope} ` +
    `and ended at ${f(verdict.end.transfer)} vs ${f(verdict.end.scratch)} (${verdict.metric}, transfer vs. from scratch).`
  );
}

function pointsWon(verdict: CurveComparison): { start: boolean; slope: boolean; end: boolean } {
  const better = (a: number, b: number) => (verdict.higherIsBetter ? a > b : a < b);
  return {
    start: better(verdict.start.transfer, verdict.start.scratch),
    slope: better(verdict.slope.transfer, verdict.slope.scratch),
    end: better(verdict.end.transfer, verdict.end.scratch),
  };
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #111827; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; }
.sub { color: #6b7280; margin: 0 0 20px; }
section.card { background: #fff; border-radius: 10px; padding: 18px 22px; margin: 16px 0; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.verdict { font-size: 18px; font-weight: 600; margin: 0 0 10px; }
.chips span { display: inline-block; margin: 0 8px 6px 0; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 600; }
.won { background: #dcfce7; color: #166534; } .lost { background: #fee2e2; color: #991b1b; }
.warning { border-left: 5px solid #dc2626; background: #fef2f2; color: #7f1d1d; padding: 12px 16px; border-radius: 6px; margin: 12px 0; }
.warning strong { display: block; font-size: 16px; margin-bottom: 2px; }
.note { border-left: 5px solid #d97706; background: #fffbeb; color: #78350f; padding: 10px 14px; border-radius: 6px; margin: 10px 0; font-size: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
th { color: #374151; font-weight: 600; background: #f9fafb; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.bad td { background: #fef2f2; }
figure { margin: 12px 0; } figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: #6b7280; font-size: 13px; }
footer { color: #9ca3af; font-size: 12px; margin-top: 28px; }
`;

function evaluationTable(e: EvaluationResult): string {
  const rows: [string, string][] = [];
  const rate = (r: { detected: number; total: number; recall: number }) =>
    `${formatPercent(r.recall)} <span class="sub">(${r.detected} of ${r.total})</span>`;
  rows.push([
    "Threshold",
    `${esc(formatNumber(e.threshold, 4))} — ${
      e.thresholdSource === "calibrated"
        ? `calibrated for ≤ ${esc(formatNumber(e.targetFalseAcceptsPerHour))} false accepts per hour on ${esc(e.thresholdSetBy.join(", "))}${
            e.calibration?.method === "extrapolated"
              ? ` (the audio is too short to show that rate: raised along the fitted tail of its ${e.calibration.tail?.events ?? 0} strongest false accepts)`
              : e.calibration && e.calibration.targetFalseAcceptsPerHour * e.calibration.hours < 1
                ? ` (no false accept in ${esc(formatNumber(e.calibration.hours * 60))} minutes of audio, which cannot show a rate that low: expect more on other audio, and measure with wakeforge eval)`
                : ""
          }`
        : "given"
    }`,
  ]);
  rows.push(["Recall, all positives", rate(e.recall.overall)]);
  if (e.recall.bySource.recorded)
    rows.push(["Recall, real recordings", rate(e.recall.bySource.recorded)]);
  if (e.recall.bySource.synthetic)
    rows.push(["Recall, synthetic speech", rate(e.recall.bySource.synthetic)]);
  const fa = e.falseAccepts.overall;
  rows.push([
    "False accepts per hour",
    `${esc(formatNumber(fa.perHour))} <span class="sub">(${fa.falseAccepts} in ${esc(formatNumber(fa.hours * 60))} min of negative audio, refractory ${esc(formatNumber(e.refractorySeconds))} s)</span>`,
  ]);
  for (const kind of ["speech", "music", "noise"] as const) {
    const k = e.falseAccepts.byKind[kind];
    if (k)
      rows.push([
        `&nbsp;&nbsp;on ${kind}`,
        `${esc(formatNumber(k.perHour))} <span class="sub">(${k.falseAccepts} in ${esc(formatNumber(k.hours * 60))} min)</span>`,
      ]);
  }
  if (e.confusableFalseAcceptRate.total > 0) {
    rows.push([
      "Near-miss phrases that fired",
      `${rate(e.confusableFalseAcceptRate)} <span class="sub">— reported only; they set no threshold</span>`,
    ]);
  }
  if (e.latency.count > 0) {
    rows.push([
      "Detection latency after the phrase",
      `p50 ${esc(formatNumber(e.latency.p50Seconds * 1000))} ms · p90 ${esc(formatNumber(e.latency.p90Seconds * 1000))} ms`,
    ]);
  }
  rows.push([
    "Audio evaluated",
    `${esc(formatNumber(e.timing.audioSeconds / 60))} min in ${esc(formatNumber(e.timing.wallSeconds))} s`,
  ]);
  return `<table class="evaluation"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</tbody></table>`;
}

function samplesTable(samples: readonly SampleScore[], count: number): string {
  const rows = samples.slice(0, count).map((s) => {
    const what =
      s.role === "positive"
        ? `positive (${s.source ?? ""})`
        : s.role === "confusable"
          ? "near miss"
          : `negative ${s.kind ?? ""}`;
    const outcome =
      s.role === "positive"
        ? s.detected
          ? `caught${s.latencySeconds !== undefined ? `, ${formatNumber(s.latencySeconds * 1000)} ms after` : ""}`
          : "missed"
        : s.role === "long-negative"
          ? `${s.falseAccepts ?? 0} false accepts${
              s.falseAcceptTimesSeconds && s.falseAcceptTimesSeconds.length > 0
                ? ` at ${s.falseAcceptTimesSeconds
                    .slice(0, 5)
                    .map((t) => `${formatNumber(t)} s`)
                    .join(", ")}`
                : ""
            }`
          : s.detected
            ? "fired"
            : "quiet";
    return `<tr class="${s.margin < 0 ? "bad" : ""}"><td>${esc(s.name)}</td><td>${esc(what)}</td><td class="num">${esc(formatNumber(s.maxScore, 4))}</td><td>${esc(outcome)}</td></tr>`;
  });
  return `<table class="samples"><thead><tr><th>sample</th><th>kind</th><th>best score</th><th>outcome</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** One self-contained HTML page: verdict, warning, curves, evaluation, DET picture. */
export function renderReportHtml(input: RenderReportInput): string {
  const curves = input.curves ?? [];
  const firstCurve = curves[0];
  const verdict = input.verdict ?? (firstCurve ? verdictFromCurves(firstCurve) : undefined);
  const generated =
    input.generatedAt instanceof Date
      ? input.generatedAt.toISOString()
      : (input.generatedAt ?? new Date().toISOString());
  const body: string[] = [];
  body.push(`<h1>Wake word “${esc(input.phrase)}”</h1>`);
  body.push(`<p class="sub">wakeforge report · ${esc(generated)}</p>`);

  if (verdict) {
    const won = pointsWon(asComparison(verdict));
    const count = [won.start, won.slope, won.end].filter(Boolean).length;
    const chip = (name: string, ok: boolean) =>
      `<span class="${ok ? "won" : "lost"}">${ok ? "✓" : "✗"} ${name}</span>`;
    body.push(
      `<section class="card" id="verdict"><h2 style="margin-top:0">Did transfer learning pay off?</h2>`,
    );
    body.push(`<p class="verdict">${esc(verdictSentence(verdict))}</p>`);
    body.push(
      `<div class="chips">${chip("higher start", won.start)}${chip("steeper slope", won.slope)}${chip("higher end", won.end)}<span class="sub">${count} of 3 points to transfer</span></div>`,
    );
    if (verdict.summary)
      body.push(`<p class="sub" style="white-space:pre-line">${esc(verdict.summary)}</p>`);
    if (verdict.negativeTransfer) {
      body.push(
        `<div class="warning" role="alert"><strong>Negative transfer: the pre-trained base made this detector worse.</strong>` +
          (verdict.warning
            ? esc(verdict.warning)
            : `Trained from scratch, the same network ended at ${esc(formatNumber(verdict.end.scratch))} ${esc(verdict.metric)}; with the transferred base it ended at ${esc(formatNumber(verdict.end.transfer))}. ` +
              `The base's knowledge does not fit these sounds. Try fine-tuning its top layers, another base, or use the network trained from scratch.`) +
          `</div>`,
      );
    }
    body.push(`</section>`);
  }

  if (curves.length > 0) {
    body.push(`<section class="card" id="curves"><h2 style="margin-top:0">Learning curves</h2>`);
    for (const curve of curves) {
      body.push(
        `<figure>${learningCurvesSvg(curve)}<figcaption>${esc(curve.label ?? curve.metric)} per epoch; the same network, data, epochs and seed for both runs.</figcaption></figure>`,
      );
    }
    body.push(`</section>`);
  }

  const e = input.evaluation;
  if (e) {
    body.push(
      `<section class="card" id="evaluation"><h2 style="margin-top:0">Evaluation (head “${esc(e.head)}”)</h2>`,
    );
    body.push(evaluationTable(e));
    if (e.calibratedOnEvaluationAudio) {
      body.push(
        `<div class="note">The threshold was calibrated on the same negative audio the false accepts were counted on, so that rate is met by construction. Judge it on held-out audio.</div>`,
      );
    }
    if (e.recall.bySource.synthetic && !e.recall.bySource.recorded) {
      body.push(
        `<div class="note">Recall here is on synthetic speech only, which overstates real performance: add a few real recordings of the phrase to measure it.</div>`,
      );
    }
    if (e.calibration && !e.calibration.met) {
      body.push(
        `<div class="warning"><strong>The false-accept target could not be met.</strong>Even the highest threshold fires ${esc(formatNumber(e.calibration.falseAcceptsPerHour))} times per hour on the calibration audio.</div>`,
      );
    }
    const calibrated =
      e.det.length > 0
        ? {
            threshold: e.threshold,
            falseRejectRate: 1 - e.recall.overall.recall,
            falseAcceptsPerHour: e.falseAccepts.overall.perHour,
          }
        : undefined;
    body.push(
      `<figure>${detCurveSvg(e.det, { ...(calibrated ? { calibrated } : {}), targetFalseAcceptsPerHour: e.targetFalseAcceptsPerHour })}<figcaption>` +
        `Each point is a threshold; lower left is better. Near-miss phrases never set the threshold: the head should score some of them high, and a threshold above all of them climbs to 0.9999, where real recall collapses.</figcaption></figure>`,
    );
    body.push(`<h2>Worst samples first</h2>`);
    body.push(samplesTable(e.samples, input.worstSamples ?? 15));
    body.push(`</section>`);
  }

  if (input.timeline) {
    body.push(
      `<section class="card" id="timeline"><h2 style="margin-top:0">Scores over time</h2><figure>${scoreTimelineSvg(input.timeline)}</figure></section>`,
    );
  }

  if (input.details && Object.keys(input.details).length > 0) {
    body.push(
      `<section class="card" id="details"><h2 style="margin-top:0">Details</h2><table><tbody>${Object.entries(
        input.details,
      )
        .map(
          ([k, v]) =>
            `<tr><th>${esc(k)}</th><td>${esc(typeof v === "number" ? formatNumber(v, 4) : v)}</td></tr>`,
        )
        .join("")}</tbody></table></section>`,
    );
  }
  for (const note of input.notes ?? []) body.push(`<div class="note">${esc(note)}</div>`);
  body.push(
    `<footer>Generated by wakeforge. Stream-level numbers follow how wake-word engines are judged: false accepts per hour of negative audio with a refractory period, recall on held-out positives.</footer>`,
  );

  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(`wakeforge report: ${input.phrase}`)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body.join("\n")}</main></body></html>\n`
  );
}
