import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../components/empty-state";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Projects</h1>
          <p>One project per wake word: its phrase, its data, and the detectors trained from it.</p>
        </div>
      </div>
      <EmptyState
        title="Projects are coming next"
        icon={
          <svg
            width="22"
            height="22"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
          </svg>
        }
      >
        <p>
          The dashboard cannot create projects yet. When it can, this page will list each wake word
          you are training, such as &ldquo;hey nova&rdquo;, with:
        </p>
        <ul>
          <li>recordings made in the browser, uploads, and synthetic speech of the phrase</li>
          <li>negatives and background noise, kept apart from real recordings</li>
          <li>trained detectors with their transfer-versus-scratch learning curves</li>
          <li>recall and false accepts per hour, and a live microphone test</li>
        </ul>
        <p>
          Meanwhile, check on the <Link href="/system">System</Link> page that this machine is ready
          to train.
        </p>
      </EmptyState>
    </>
  );
}
