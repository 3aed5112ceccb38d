// Small helpers for pictures drawn as plain SVG text: escaping, number formatting, axis ticks.
// No dependencies, so the report renders the same in Node, a browser or a worker.

/** Escapes text for XML and HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A coordinate with at most two decimals (keeps the SVG small and stable). */
export function coord(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** A number for people: 3 significant digits, no exponent for everyday magnitudes. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "–" : value > 0 ? "∞" : "−∞";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(digits - 1);
  const text = value.toPrecision(digits);
  return text.includes(".") && !text.includes("e")
    ? text.replace(/\.?0+$/, "")
    : String(Number(text));
}

/** A share as a percentage: 0.034 → "3.4 %". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return "–";
  const percent = share * 100;
  return `${percent >= 10 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)} %`;
}

/** About `count` round tick values covering [min, max] (1, 2, 2.5, 5 × 10^k steps). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k += 1) {
    ticks.push(Number((k * step).toFixed(decimals)) + 0);
  }
  return ticks;
}

/** A range padded to nice tick values. */
export function niceRange(min: number, max: number, count = 5): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min)
    return min === 0 ? [0, 1] : [min - Math.abs(min) * 0.1, max + Math.abs(max) * 0.1];
  const ticks = niceTicks(min, max, count);
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 1;
  return [Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step];
}

/** Decades 10^a … 10^b covering [min, max] (both > 0). */
export function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1)
    ticks.push(10 ** e);
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The opening tag of a standalone SVG picture with a title for screen readers. */
export function svgOpen(width: number, height: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-label="${escapeXml(title)}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`
  );
}

/** The opening tag, as svgOpen, and the chart's visible title centred at height `titleY`. */
export function chartOpen(width: number, height: number, title: string, titleY = 26): string {
  return (
    svgOpen(width, height, title) +
    text(width / 2, titleY, title, {
      "text-anchor": "middle",
      "font-size": 15,
      "font-weight": 600,
      fill: "#111827",
    })
  );
}

/** Text at (x, y), escaped. */
export function text(
  x: number,
  y: number,
  content: string,
  attributes: Readonly<Record<string, string | number>> = {},
): string {
  const extra = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  return `<text x="${coord(x)}" y="${coord(y)}"${extra}>${escapeXml(content)}</text>`;
}

/** Grid lines, ticks and tick labels of one axis, plus the axis title. */
export function axis(
  box: PlotBox,
  orientation: "x" | "y",
  ticks: readonly number[],
  position: (v: number) => number,
  label: (v: number) => string,
  title: string,
): string {
  const parts: string[] = [];
  for (const tick of ticks) {
    const p = position(tick);
    if (orientation === "x") {
      parts.push(
        `<line x1="${coord(p)}" y1="${box.top}" x2="${coord(p)}" y2="${box.bottom}" stroke="#e5e7eb"/>`,
      );
      parts.push(
        `<line x1="${coord(p)}" y1="${box.bottom}" x2="${coord(p)}" y2="${box.bottom + 5}" stroke="#374151"/>`,
      );
      parts.push(
        text(p, box.bottom + 18, label(tick), { "text-anchor": "middle", fill: "#374151" }),
      );
    } else {
      parts.push(
        `<line x1="${box.left}" y1="${coord(p)}" x2="${box.right}" y2="${coord(p)}" stroke="#e5e7eb"/>`,
      );
      parts.push(
        `<line x1="${box.left - 5}" y1="${coord(p)}" x2="${box.left}" y2="${coord(p)}" stroke="#374151"/>`,
      );
      parts.push(text(box.left - 8, p + 4, label(tick), { "text-anchor": "end", fill: "#374151" }));
    }
  }
  if (orientation === "x") {
    parts.push(
      `<line x1="${box.left}" y1="${box.bottom}" x2="${box.right}" y2="${box.bottom}" stroke="#374151"/>`,
    );
    parts.push(
      text((box.left + box.right) / 2, box.bottom + 38, title, {
        "text-anchor": "middle",
        fill: "#111827",
        "font-size": 13,
      }),
    );
  } else {
    parts.push(
      `<line x1="${box.left}" y1="${box.top}" x2="${box.left}" y2="${box.bottom}" stroke="#374151"/>`,
    );
    const cy = (box.top + box.bottom) / 2;
    parts.push(
      `<text x="${coord(box.left - 48)}" y="${coord(cy)}" transform="rotate(-90 ${coord(box.left - 48)} ${coord(cy)})" text-anchor="middle" fill="#111827" font-size="13">${escapeXml(title)}</text>`,
    );
  }
  return parts.join("");
}
