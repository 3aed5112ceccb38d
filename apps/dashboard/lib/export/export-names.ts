// The names a model's downloads carry, shared by the export routes, the page and its snippet:
// a folder named after the phrase, so the unzipped download is `./hey-nova/`.

/** "Hey, Nova!" → "hey-nova"; never empty. */
export function phraseSlug(phrase: string): string {
  const slug = phrase
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "wake-word";
}

export const EXPORT_FORMATS = ["tfjs", "onnx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file a browser saves: `hey-nova-tfjs.zip` (the model directory) or `hey-nova.onnx`. */
export function exportFileName(phrase: string, format: ExportFormat): string {
  return format === "tfjs" ? `${phraseSlug(phrase)}-tfjs.zip` : `${phraseSlug(phrase)}.onnx`;
}
