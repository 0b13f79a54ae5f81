import type { ReactNode } from "react";
import type { Reader } from "../lib/i18n/translator";

/** What every template's body receives: its props, and the reader's language to write them in. */
export type EmailBody<P> = P & { reader: Reader };

/** The frame every Pathwise email shares. Inline styles only: mail clients ignore stylesheets. */
export function EmailLayout({ reader, preview, children }: { reader: Reader; preview: string; children: ReactNode }) {
  return (
    <html lang={reader.locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{preview}</title>
      </head>
      <body style={{ fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", background: "#f6f7f9", margin: 0, padding: 24 }}>
        <div style={{ maxWidth: 560, margin: "0 auto", background: "#ffffff", borderRadius: 8, padding: 32, color: "#1f2937" }}>
          <p style={{ fontWeight: 700, fontSize: 18, margin: "0 0 24px" }}>Pathwise</p>
          {children}
          <p style={{ fontSize: 12, color: "#6b7280", marginTop: 32 }}>{reader.t("Email.footer")}</p>
        </div>
      </body>
    </html>
  );
}

/** The call to action, then its link in words for mail clients that hide buttons. */
export function EmailButton({ reader, href, children }: { reader: Reader; href: string; children: ReactNode }) {
  return (
    <>
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
      <p>{reader.t("Email.pasteLink", { url: href })}</p>
    </>
  );
}

/** "Hello Ada," or, without a name, "Hello there,". */
export function Greeting({ reader, name }: { reader: Reader; name?: string }) {
  return <p>{name ? reader.t("Email.helloName", { name }) : reader.t(name === undefined ? "Email.hello" : "Email.helloThere")}</p>;
}
