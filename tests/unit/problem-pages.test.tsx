import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import OrgError from "../../app/[org]/error";
import OrgNotFound from "../../app/[org]/not-found";
import GlobalError from "../../app/global-error";
import NotFound from "../../app/not-found";
import { inLocale } from "../support/intl";

// The error pages cannot be made to happen in a production build on purpose, so they are rendered here.
// Each carries the brand, says what happened as a heading, offers a way on, and styles nothing inline
// (the Content-Security-Policy refuses inline styles). All but the global error page render inside the
// root layout's messages; that one replaces the layout, so it stands alone.

const error = Object.assign(new Error("secret detail from the server"), { digest: "1234567" });
const reset = () => {};

describe("pages for when something cannot be shown", () => {
  it.each([
    [
      "an error inside an organisation",
      renderToString(inLocale(<OrgError error={error} reset={reset} />)),
      "Something went wrong",
      "Try again",
    ],
    ["a failed root layout", renderToString(<GlobalError error={error} reset={reset} />), "Something went wrong", "Try again"],
    ["a page not found inside an organisation", renderToString(inLocale(<OrgNotFound />)), "Page not found", "Go to the dashboard"],
    ["a page not found outside", renderToString(inLocale(<NotFound />)), "Page not found", "Go to your organisation"],
  ])("%s: branded, headed, a way on, no inline style", (_, html, heading, action) => {
    expect(html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
    expect(html).toContain(action);
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/); // the brand mark
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain("secret detail"); // the server's message is never shown
  });

  it("announces an error, and gives the reference that ties it to the server's log", () => {
    const html = renderToString(inLocale(<OrgError error={error} reset={reset} />));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Reference: 1234567");
  });

  it("speaks the reader's language", () => {
    expect(renderToString(inLocale(<OrgError error={error} reset={reset} />, "fr"))).toContain("Référence : 1234567");
    expect(renderToString(inLocale(<OrgNotFound />, "de"))).toMatch(/<h1[^>]*>Seite nicht gefunden<\/h1>/);
    expect(renderToString(inLocale(<NotFound />, "fr"))).toMatch(/<h1[^>]*>Page introuvable<\/h1>/);
  });
});
