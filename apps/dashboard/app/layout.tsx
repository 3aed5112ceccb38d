import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { BrandMark } from "../components/brand-mark";
import { MainNav } from "../components/main-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "wakeforge", template: "%s · wakeforge" },
  description:
    "Train custom wake-word detectors by transfer learning, in TypeScript on TensorFlow.js.",
};

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="container header-inner">
            <Link href="/" className="brand">
              <BrandMark />
              <span>wakeforge</span>
            </Link>
            <MainNav />
            <span className="header-aside">wake-word training</span>
          </div>
        </header>
        <main className="container page">{children}</main>
        <footer className="site-footer">
          <div className="container">
            wakeforge · custom wake words by transfer learning on TensorFlow.js
          </div>
        </footer>
      </body>
    </html>
  );
}
