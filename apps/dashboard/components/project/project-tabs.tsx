"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The stages of a project, in the order a person works through them. */
export const PROJECT_TABS = [
  { segment: "", label: "Data" },
  { segment: "train", label: "Train" },
  { segment: "evaluate", label: "Evaluate" },
  { segment: "live", label: "Live test" },
  { segment: "export", label: "Export" },
] as const;

export function ProjectTabs({ projectId }: { readonly projectId: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  return (
    <nav className="tabs" aria-label="Project">
      {PROJECT_TABS.map((tab) => {
        const href = tab.segment === "" ? base : `${base}/${tab.segment}`;
        return (
          <Link
            key={tab.segment}
            href={href}
            aria-current={pathname === href ? "page" : undefined}
            data-testid={`tab-${tab.segment || "data"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
