import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "../../lib/i18n/client-messages";
import en from "../../messages/en.json";
import { clientModules, namespacesUsedIn } from "../support/client-modules";

// Each page sends the browser only the messages its client components read (app/layout.tsx): the list
// must hold every namespace they use, or a form would show a key instead of its words, and nothing else.

const covers = (picked: string, used: string) => used === picked || used.startsWith(`${picked}.`);

describe("the messages a page sends to the browser", () => {
  const used = new Set([...clientModules()].flatMap(namespacesUsedIn));

  it("finds client modules and what they read (positive control)", () => {
    const modules = clientModules();
    expect(modules).toContain("components/auth/sign-in-form.tsx");
    // Not a client module itself, but imported by one: it runs in the browser too.
    expect(modules).toContain("components/ui/field.tsx");
    expect(modules).not.toContain("app/[org]/users/page.tsx");
    expect(used).toContain("SignIn");
  });

  it("hold every namespace a client component reads, and none that none reads", () => {
    expect(used).not.toContain(""); // a client component reading every message would send them all
    expect([...used].filter((u) => !CLIENT_NAMESPACES.some((p) => covers(p, u)))).toEqual([]);
    expect(CLIENT_NAMESPACES.filter((p) => ![...used].some((u) => covers(p, u)))).toEqual([]);
  });

  it("are those namespaces' messages, a part of the whole", () => {
    const picked = clientMessages(en);
    expect(picked.SignIn).toEqual(en.SignIn);
    expect(picked.Goals?.forms).toEqual(en.Goals.forms);
    expect(picked.Goals).not.toHaveProperty("goalsPage");
    expect(picked).not.toHaveProperty("Email");
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(en).length / 2);
  });
});
