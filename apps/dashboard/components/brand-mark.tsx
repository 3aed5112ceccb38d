/** The wakeforge mark: a short burst of sound bars (same drawing as app/icon.svg). */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#4f46e5" />
      <path
        d="M7 17v-2M11 21V11M15 24V8M19 20v-8M23 18v-4M26 16.5v-1"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
