import { describe, expect, it } from "vitest";
import type { EvaluationResult } from "../evaluation/evaluate-detector.js";
import { detCurveSvg } from "./det-curve-svg.js";
import { compareCurves, learningCurvesSvg } from "./learning-curves-svg.js";
import { renderReportHtml, verdictFromCurves, verdictSentence } from "./report-html.js";
import { scoreTimelineSvg } from "./score-timeline-svg.js";
import type { EpochMetrics } from "../training/epoch-metrics.js";
import { compareLearningCurves } from "../training/verdict.js";
import { escapeXml, niceTicks } from "./svg.js";

/**
 * A small XML well-formedness check: every tag closes in order, attributes are quoted, and
 * every & starts an entity. Returns the count of each element name.
 */
function checkXml(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: string[] = [];
  const token =
    /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g;
  for (const match of xml.matchAll(token)) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === "<")
      throw new Error(`stray < at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
    if (whole.startsWith("&"))
      throw new Error(`bare & at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
    if (whole.startsWith("<!--") || name === undefined) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${match.index}`);
    } else {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(", ")}`);
  return counts;
}

const transfer = [0.81, 0.88, 0.92, 0.94, 0.95, 0.96, 0.97, 0.97];
const scratch = [0.52, 0.58, 0.64, 0.7, 0.76, 0.81, 0.85, 0.88];

describe("SVG pictures", () => {
  it("the checker itself rejects broken XML", () => {
    expect(() => checkXml("<svg><g></svg>")).toThrow();
    expect(() => checkXml("<svg><text>a & b</text></svg>")).toThrow(/bare &/);
    expect(() => checkXml("<svg><text>a < b</text></svg>")).toThrow(/stray/);
    expect(checkXml('<svg a="1"><g/><text>a &amp; b</text></svg>').get("g")).toBe(1);
  });

  it("learning curves: one point per epoch per run, axes, legend, title and annotations", () => {
    const svg = learningCurvesSvg({
      transfer,
      scratch,
      metric: "accuracy",
      title: "Accuracy <per> epoch & more",
    });
    const counts = checkXml(svg);
    expect(counts.get("svg")).toBe(1);
    expect(counts.get("polyline")).toBe(2);
    expect((svg.match(/class="point transfer"/g) ?? []).length).toBe(8);
    expect((svg.match(/class="point scratch"/g) ?? []).length).toBe(8);
    expect(svg).toContain("Accuracy &lt;per&gt; epoch &amp; more");
    expect(svg).toContain("transfer (pre-trained base)");
    expect(svg).toContain("epoch");
    expect(svg).toMatch(/start 0\.81 vs 0\.52/);
    expect(svg).toMatch(/end 0\.97 vs 0\.88/);
  });

  it("reads per-epoch metric records and knows that loss falls", () => {
    const records = (values: number[]) => values.map((loss, i) => ({ loss, accuracy: i / 10 }));
    const comparison = compareCurves({
      transfer: records([0.3, 0.2, 0.1]),
      scratch: records([0.7, 0.6, 0.5]),
      metric: "loss",
    });
    expect(comparison.higherIsBetter).toBe(false);
    expect(comparison.start).toEqual({ transfer: 0.3, scratch: 0.7 });
    expect(verdictSentence(comparison)).toBe(
      "Transfer started at 0.3 vs 0.7, fell 1× faster and ended at 0.1 vs 0.5 (loss, transfer vs. from scratch).",
    );
    checkXml(
      learningCurvesSvg({
        transfer: records([0.3, 0.2, 0.1]),
        scratch: records([0.7, 0.6, 0.5]),
        metric: "loss",
      }),
    );
  });

  it("the verdict reads as the design asks", () => {
    const verdict = verdictFromCurves({ transfer, scratch, metric: "accuracy" });
    expect(verdict.negativeTransfer).toBe(false);
    // Early slope over the first third (as training's verdict): (0.92 − 0.81)/2 vs (0.64 − 0.52)/2.
    expect(verdictSentence(verdict)).toBe(
      "Transfer started at 0.81 vs 0.52, climbed only 0.92× as fast and ended at 0.97 vs 0.88 (accuracy, transfer vs. from scratch).",
    );
    const faster = verdictFromCurves({
      transfer,
      scratch: [0.52, 0.53, 0.54, 0.6, 0.7, 0.8, 0.85, 0.88],
      metric: "accuracy",
    });
    expect(verdictSentence(faster)).toContain("climbed 5.5× faster");
    expect(
      verdictFromCurves({ transfer: scratch, scratch: transfer, metric: "accuracy" })
        .negativeTransfer,
    ).toBe(true);
  });

  it("DET picture: a point per threshold, log axis, the operating point marked", () => {
    const points = Array.from({ length: 120 }, (_, i) => ({
      threshold: i / 120,
      falseRejectRate: (i / 120) ** 3,
      falseAcceptsPerHour: i < 100 ? 200 * (1 - i / 100) ** 3 : 0,
    }));
    const svg = detCurveSvg(points, {
      calibrated: { threshold: 0.8, falseRejectRate: 0.51, falseAcceptsPerHour: 0.4 },
      targetFalseAcceptsPerHour: 0.5,
    });
    const counts = checkXml(svg);
    expect((svg.match(/class="point"/g) ?? []).length).toBe(120);
    expect((svg.match(/class="operating-point"/g) ?? []).length).toBe(1);
    expect(svg).toContain("log scale");
    expect(svg).toContain("target 0.5/h");
    // The log part, the "0" column and the dotted connector between them.
    expect(counts.get("polyline")).toBe(3);
    // An empty curve still renders.
    checkXml(detCurveSvg([]));
  });

  it("score timeline: long series reduced to columns that keep peaks", () => {
    const scores = new Float32Array(45_000);
    scores[31_234] = 0.97;
    const svg = scoreTimelineSvg({
      scores,
      firstTimeSeconds: 2,
      threshold: 0.5,
      detections: [2 + 31_234 * 0.08],
      spans: [{ startSeconds: 2490, endSeconds: 2502, label: "“alexa” <said>" }],
      maxColumns: 600,
    });
    checkXml(svg);
    const points = /class="scores"[^>]*points="([^"]*)"/.exec(svg)?.[1]?.split(" ") ?? [];
    expect(points.length).toBe(600);
    const ys = points.map((p) => Number(p.split(",")[1]));
    expect(Math.min(...ys)).toBeLessThan(60); // the 0.97 peak survived the reduction
    expect(svg).toContain("&lt;said&gt;");
  });

  it("nice ticks are round", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 30, 10)).toEqual([5, 10, 15, 20, 25, 30]);
  });
});

function fakeEvaluation(): EvaluationResult {
  return {
    head: "hey <b>nova</b>",
    threshold: 0.8731,
    thresholdSource: "calibrated",
    calibration: {
      threshold: 0.8731,
      falseAccepts: 1,
      falseAcceptsPerHour: 0.33,
      hours: 3,
      targetFalseAcceptsPerHour: 0.5,
      met: true,
      method: "observed",
    },
    thresholdSetBy: ["negative-speech", "negative-music", "negative-noise"],
    calibratedOnEvaluationAudio: true,
    targetFalseAcceptsPerHour: 0.5,
    refractorySeconds: 2,
    smoothingSteps: 1,
    toleranceSeconds: 1,
    recall: {
      overall: { detected: 93, total: 100, recall: 0.93 },
      bySource: {
        synthetic: { detected: 89, total: 90, recall: 89 / 90 },
        recorded: { detected: 4, total: 10, recall: 0.4 },
      },
    },
    falseAccepts: {
      overall: { falseAccepts: 1, hours: 3, perHour: 1 / 3 },
      byKind: {
        speech: { falseAccepts: 1, hours: 1, perHour: 1 },
        music: { falseAccepts: 0, hours: 1, perHour: 0 },
      },
    },
    confusableFalseAcceptRate: { detected: 3, total: 12, recall: 0.25 },
    det: Array.from({ length: 50 }, (_, i) => ({
      threshold: i / 50,
      falseRejectRate: (i / 50) ** 4,
      falseAcceptsPerHour: 50 * (1 - i / 50) ** 4,
    })),
    latency: { count: 93, p50Seconds: 0.24, p90Seconds: 0.48, meanSeconds: 0.3 },
    samples: [
      {
        name: "rec-03 <kitchen>.wav",
        role: "positive",
        source: "recorded",
        maxScore: 0.31,
        detected: false,
        margin: -0.56,
      },
      {
        name: "negative-speech",
        role: "long-negative",
        kind: "speech",
        maxScore: 0.9,
        detected: true,
        margin: -0.03,
        falseAccepts: 1,
        falseAcceptTimesSeconds: [1234.5],
      },
    ],
    timing: { audioSeconds: 11_000, wallSeconds: 300 },
  };
}

/** Training's per-epoch records, as trainWakeWord reports them. */
function epochs(values: readonly number[]): EpochMetrics[] {
  return values.map((v, i) => ({
    epoch: i + 1,
    loss: 1 - v,
    accuracy: v,
    recallAtFar: v,
    thresholdAtFar: 0.5,
    valAccuracy: v,
    valLoss: 1 - v,
    seconds: 1,
  }));
}

describe("renderReportHtml", () => {
  it("takes training's verdict and per-epoch records as they are", () => {
    const verdict = compareLearningCurves(epochs(scratch), epochs(transfer));
    expect(verdict.negativeTransfer).toBe(true);
    const html = renderReportHtml({
      phrase: "hey nova",
      verdict,
      curves: [
        {
          transfer: epochs(scratch),
          scratch: epochs(transfer),
          metric: "recallAtFar",
          label: "recall at 5 % false accepts",
        },
        { transfer: epochs(scratch), scratch: epochs(transfer), metric: "valLoss" },
      ],
    });
    expect(html).toContain(escapeXml(verdict.warning ?? "missing"));
    expect(html).toContain("recall at 5 % false accepts per epoch");
    expect((html.match(/class="point transfer"/g) ?? []).length).toBe(16);
  });

  it("escapes a phrase with <script> everywhere it appears", () => {
    const phrase = `hey <script>alert("x")</script> & 'nova'`;
    const html = renderReportHtml({
      phrase,
      curves: [{ transfer, scratch, metric: "accuracy" }],
      evaluation: fakeEvaluation(),
      details: { "base <model>": "speech-embedding", epochs: 20 },
      notes: ["<img src=x onerror=alert(1)>"],
      generatedAt: "2026-11-29T18:00:00Z",
    });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>nova");
    expect(html).toContain(
      "hey &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;nova&#39;",
    );
    expect(html).toContain("rec-03 &lt;kitchen&gt;.wav");
    // Self-contained: no external resources.
    expect(html).not.toMatch(/<link|src="http|href="http/);
    // Well-formed once the doctype and void elements are set aside.
    checkXml(html.replace(/<!doctype html>/i, "").replace(/<meta[^>]*>/g, ""));
  });

  it("says the verdict in words, warns on negative transfer, and shows the evaluation and DET picture", () => {
    const good = renderReportHtml({
      phrase: "hey nova",
      curves: [{ transfer, scratch, metric: "accuracy" }],
      evaluation: fakeEvaluation(),
    });
    expect(good).toContain("Transfer started at 0.81 vs 0.52");
    expect(good).not.toContain("Negative transfer");
    expect(good).toContain("Recall, real recordings");
    expect(good).toContain("40 %");
    expect(good).toContain("set no threshold");
    expect(good).toContain('class="operating-point"');
    expect(good).toContain("calibrated on the same negative audio");
    expect(good).not.toContain("fitted tail");
    // 0.5 per hour on 3 hours can be shown: no caveat.
    expect(good).not.toContain("cannot show a rate that low");
    const base = fakeEvaluation();
    const extrapolated = renderReportHtml({
      phrase: "hey nova",
      evaluation: {
        ...base,
        calibration: {
          ...(base.calibration as NonNullable<typeof base.calibration>),
          method: "extrapolated",
          tail: { intercept: 3, slope: -1.5, events: 9 },
        },
      },
    });
    expect(extrapolated).toContain("fitted tail of its 9 strongest false accepts");
    const short = renderReportHtml({
      phrase: "hey nova",
      evaluation: {
        ...base,
        calibration: {
          ...(base.calibration as NonNullable<typeof base.calibration>),
          falseAccepts: 0,
          falseAcceptsPerHour: 0,
          hours: 0.5,
        },
      },
    });
    expect(short).toContain("no false accept in 30 minutes of audio");
    const bad = renderReportHtml({
      phrase: "hey nova",
      curves: [{ transfer: scratch, scratch: transfer, metric: "accuracy" }],
    });
    expect(bad).toContain("Negative transfer: the pre-trained base made this detector worse.");
    expect(bad).toContain('role="alert"');
  });
});
