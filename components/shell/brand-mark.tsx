/** Pathwise's mark (public/icon.svg drawn inline): a path from a start to a goal through a waypoint. */
export function BrandMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <rect width="64" height="64" rx="14" fill="#4338ca" />
      <path d="M18 48 C 18 36, 32 38, 32 30 S 46 24, 46 17" fill="none" stroke="#ffffff" strokeWidth="5" strokeLinecap="round" />
      <circle cx="18" cy="48" r="6" fill="#ffffff" />
      <circle cx="32" cy="31" r="3.5" fill="#4338ca" stroke="#ffffff" strokeWidth="3" />
      <circle cx="46" cy="17" r="7" fill="#fbbf24" />
    </svg>
  );
}

/** The mark with the product's name, as the header and the signed-out pages show it. */
export function Brand({ nameClassName = "" }: { nameClassName?: string }) {
  return (
    <span className="flex items-center gap-2 text-lg font-bold text-primary">
      <BrandMark />
      <span className={nameClassName}>Pathwise</span>
    </span>
  );
}
