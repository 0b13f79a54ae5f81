import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders, headerFileName } from "../../lib/files/http";
import { isProgram, looksLikeMarkup } from "../../lib/files/sniff";
import { DECLARED_LENGTH_HEADER } from "../../lib/web/declared-length";

process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1/unused";
process.env.NEXTAUTH_SECRET ??= "unit-secret-that-is-long-enough-0123456789";

describe("how a file goes out", () => {
  it("names it for download in RFC 5987 form, with an ASCII fallback that cannot break the header", () => {
    expect(contentDisposition("attachment", 'Plan "Q1"; café (v2)*.pdf')).toBe(
      `attachment; filename="Plan _Q1__ caf_ (v2)*.pdf"; filename*=UTF-8''Plan%20%22Q1%22%3B%20caf%C3%A9%20%28v2%29%2A.pdf`,
    );
  });

  it("shows only sniffed images inline, and never lets the browser sniff, run or cache it", () => {
    const png = downloadHeaders({ originalName: "a.png", mimeType: "image/png", size: 3 }, true, "/acme/files/x/download");
    expect(png["Content-Disposition"]).toMatch(/^inline;/);
    const pdf = downloadHeaders({ originalName: "a.pdf", mimeType: "application/pdf", size: 3 }, true, "/acme/files/x/download");
    expect(pdf).toMatchObject({
      "Content-Disposition": `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store, no-transform",
      [DECLARED_LENGTH_HEADER]: "3",
    });
  });

  it("says a part's length and place for a 206, the whole length otherwise, and that ranges are taken", () => {
    const file = { originalName: "talk.mp4", mimeType: "video/mp4", size: 1000 };
    expect(downloadHeaders(file, false, "/acme/files/x/download")).toMatchObject({
      [DECLARED_LENGTH_HEADER]: "1000",
      "Accept-Ranges": "bytes",
    });
    expect(downloadHeaders(file, false, "/acme/files/x/download")["Content-Range"]).toBeUndefined();
    expect(downloadHeaders(file, false, "/acme/files/x/download", { start: 100, end: 199 })).toMatchObject({
      [DECLARED_LENGTH_HEADER]: "100",
      "Content-Range": "bytes 100-199/1000",
    });
  });

  it("reads the upload's name from its header, and nothing from a malformed one", () => {
    expect(headerFileName(encodeURIComponent("Café plan.pdf"))).toBe("Café plan.pdf");
    expect(headerFileName("%E0%A4%A")).toBe("");
    expect(headerFileName(null)).toBe("");
  });
});

describe("what the sniffer refuses before asking file-type", () => {
  it("programs of every kind and markup after a BOM or white space", () => {
    for (const magic of [
      [0x7f, 0x45, 0x4c, 0x46],
      [0x4d, 0x5a],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
      [0x23, 0x21],
    ])
      expect(isProgram(Uint8Array.from([...magic, 0, 0]))).toBe(true);
    expect(isProgram(Buffer.from("%PDF-1.7"))).toBe(false);
    expect(looksLikeMarkup(Buffer.from("\ufeff \r\n\t<svg>"))).toBe(true);
    expect(looksLikeMarkup(Buffer.from("a < b"))).toBe(false);
  });
});
