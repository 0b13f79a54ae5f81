import type { ReactNode } from "react";

/** The frame every Pathwise email shares. Inline styles only: mail clients ignore stylesheets. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{preview}</title>
      </head>
      <body style={{ fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", background: "#f6f7f9", margin: 0, padding: 24 }}>
        <div style={{ maxWidth: 560, margin: "0 auto", background: "#ffffff", borderRadius: 8, padding: 32, color: "#1f2937" }}>
          <p style={{ fontWeight: 700, fontSize: 18, margin: "0 0 24px" }}>Pathwise</p>
          {children}
          <p style={{ fontSize: 12, color: "#6b7280", marginTop: 32 }}>You received this email because of your account on Pathwise.</p>
        </div>
      </body>
    </html>
  );
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <a
        href={href}
        style={{
          display: "inline-block",
          background: "#4338ca",
          color: "#ffffff",
          padding: "10px 18px",
          borderRadius: 6,
          textDecoration: "none",
        }}
      >
        {children}
      </a>
    </p>
  );
}
