import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/web/safe-redirect";
import { recordFigures } from "../support/figures";

const APP = "http://localhost:3000";

// Each of these, handed to a browser as a Location or to location.assign, leaves (or tries to leave)
// our origin. They arrive decoded, as searchParams hand them over: `?callbackUrl=/%09/evil.example`
// is the string "/\t/evil.example".
const OFF_SITE = [
  "/\\evil.example/x",
  "/\\\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "//evil.example",
  "//evil.example/sign-in",
  "///evil.example",
  "////evil.example",
  "/.//evil.example",
  "/a/../..//evil.example",
  "https://evil.example",
  "http://evil.example/acme",
  "HTTPS://EVIL.EXAMPLE",
  "https:\\\\evil.example",
  "https:/\\evil.example",
  "//localhost:3000@evil.example",
  "http://localhost:3000@evil.example",
  "http://localhost:3000:80@evil.example/",
  "http://user:pass@localhost:3000/acme",
  "https://localhost:3000/acme",
  "http://localhost:3001/acme",
  "http://localhost.evil.example:3000/",
  "http://127.0.0.1:3000/acme",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "ftp://evil.example",
  "//evil%2Eexample",
  "//%65vil.example",
  "/\\%09evil.example",
];

// These look hostile but resolve to a path on our own host: they must stay here, whatever they say.
const STAY_HOME = [
  "/%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "\uFF0F\uFF0Fevil.example",
  "/\u3000/evil.example",
  "/\u2215\u2215evil.example",
  "http:evil.example",
  "evil.example",
  "../../evil.example",
];

const GOOD: [string, string][] = [
  ["/acme", "/acme"],
  ["/acme/users?role=COACH&page=2", "/acme/users?role=COACH&page=2"],
  ["/acme/users#top", "/acme/users#top"],
  ["/new-organisation", "/new-organisation"],
  ["http://localhost:3000/acme/audit", "/acme/audit"],
  ["HTTP://LOCALHOST:3000/acme", "/acme"],
  ["//localhost:3000/acme", "/acme"],
];

describe("safeRedirectPath", () => {
  it("refuses every target that leaves our origin, answering the fallback instead", () => {
    let tried = 0;
    for (const value of OFF_SITE) {
      tried++;
      expect(safeRedirectPath(value, APP), JSON.stringify(value)).toBe("/");
      expect(safeRedirectPath(value, APP, "/acme"), JSON.stringify(value)).toBe("/acme");
    }
    for (const value of STAY_HOME) {
      tried++;
      const path = safeRedirectPath(value, APP);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
      // However a browser reads it, relative to any page of ours, it stays on our origin.
      for (const from of [`${APP}/`, `${APP}/sign-in`, `${APP}/acme/users/x`]) {
        expect(new URL(path, from).origin, JSON.stringify(value)).toBe(APP);
      }
    }
    recordFigures("open-redirect-unit", { openRedirectsTried: tried });
  });

  it("keeps our own paths with their query and fragment", () => {
    for (const [value, path] of GOOD) expect(safeRedirectPath(value, APP), value).toBe(path);
  });

  it("answers the fallback for what is not a usable string", () => {
    for (const value of [undefined, null, "", ["/acme"], 42, {}]) expect(safeRedirectPath(value, APP)).toBe("/");
  });

  it("judges against the configured origin, https included", () => {
    const app = "https://pathwise.example";
    expect(safeRedirectPath("https://pathwise.example/acme?x=1", app)).toBe("/acme?x=1");
    expect(safeRedirectPath("http://pathwise.example/acme", app)).toBe("/");
    expect(safeRedirectPath("/\\pathwise.example.evil.example", app)).toBe("/");
  });
});
