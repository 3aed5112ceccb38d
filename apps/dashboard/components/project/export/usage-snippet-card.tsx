"use client";

import { useState } from "react";
import { usageSnippet } from "../../../lib/export/usage-snippet";
import { Card } from "../../card";

/** How to run the downloaded detector from @wakeforge/core, with a Copy button. */
export function UsageSnippetCard({ folder }: { readonly folder: string }) {
  const code = usageSnippet({ folder });
  const [copied, setCopied] = useState(false);
  return (
    <Card
      titleId="snippet-title"
      title="Use it in your app"
      sub="Node: a script that listens to a recording and prints each wake. In a browser, load the same files with fetchModelDirectory(url) and the base with loadSpeechBase(url) from @wakeforge/core/browser, and push microphone audio to the same StreamingDetector."
      aside={
        <button
          className="button button-small"
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(code).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          data-testid="snippet-copy"
        >
          {copied ? "Copied" : "Copy"}
        </button>
      }
    >
      <div className="card-body">
        <pre className="code-block" data-testid="usage-snippet">
          <code>{code}</code>
        </pre>
      </div>
    </Card>
  );
}
