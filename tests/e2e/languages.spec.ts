import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, SECOND_ORG } from "../../prisma/seed";
import { unique } from "../factories/unique";
import { AppPage } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { onAppDatabase } from "./pages/database";

// The language a member reads: their own choice in the profile, else their organisation's default;
// never a URL's. Every page speaks it, its own words as well as its frame.

/** The main navigation's links, as the member reads them. */
const navLinks = (page: Page, name: string) => page.getByRole("navigation", { name }).getByRole("link").allTextContents();

/**
 * Chooses a language on the profile page, read in the language it is in now (its field's label, its
 * button's name); the answer comes in the language chosen (`saved`).
 */
async function saveLanguage(page: Page, org: string, now: { label: string; save: string }, language: string, saved: string) {
  await page.goto(`/${org}/profile`);
  await page.getByLabel(now.label).selectOption({ label: language });
  await page.getByRole("button", { name: now.save }).click();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
}

test("a participant reads the app in French once she chooses it, and in her organisation's language when she chooses none", async ({
  page,
}) => {
  try {
    await AppPage.signIn(page, "lee@acme.test");
    await page.goto(`/${DEMO_ORG.slug}/profile`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const language = page.getByLabel("Language");
    await expect(language.locator("option:checked")).toHaveText("The organisation's language (English)");

    await saveLanguage(page, DEMO_ORG.slug, { label: "Language", save: "Save details" }, "Français", "Profil enregistré.");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    expect(await navLinks(page, "Principale")).toEqual([
      "Accueil",
      "Objectifs",
      "Actions",
      "Notes",
      "Fichiers",
      "Séances",
      "Calendrier",
      "Réserver une séance",
      "Messages",
      "Évaluations",
      "Profil",
    ]);
    await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Notifications, aucune non lue" })).toBeVisible();
    await expect(page.getByLabel("Langue").locator("option:checked")).toHaveText("Français");
    // The page's own words too, and nothing on it says they are in another language.
    await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Vos informations" })).toBeVisible();
    await expect(page.getByLabel("Prénom")).toBeVisible();
    await expect(page.locator("main")).not.toHaveAttribute("lang", /./);

    // Her language is hers, not the address bar's: a ?locale= or a /de/ path changes nothing.
    await page.goto(`/${DEMO_ORG.slug}?locale=de`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");

    await saveLanguage(
      page,
      DEMO_ORG.slug,
      { label: "Langue", save: "Enregistrer les informations" },
      "La langue de l’organisation (English)",
      "Profile saved.",
    );
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" })).toBeVisible();
  } finally {
    await onAppDatabase((db) => db.query(`UPDATE "User" SET "locale" = NULL WHERE "email" = 'lee@acme.test'`));
  }
});

test("an owner sets the organisation's language to German: members who chose none read German, her own English choice stays English", async ({
  page,
}) => {
  const org = SECOND_ORG.slug;
  try {
    await AppPage.signIn(page, "owner@northwind.test");
    await page.goto(`/${org}/settings`);
    await page.getByLabel("Default language").selectOption({ label: "Deutsch" });
    await page.getByRole("button", { name: /save/i }).click();
    // The answer is already in the language her organisation now speaks, as she chose none of her own.
    await expect(page.getByRole("status").filter({ hasText: "Einstellungen gespeichert." })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    const nav = await navLinks(page, "Hauptnavigation");
    expect(nav.slice(0, 4)).toEqual(["Übersicht", "Programme", "Berichte", "Benutzer"]);
    expect(nav).toContain("Einstellungen");
    await expect(page.getByLabel("Standardsprache").locator("option:checked")).toHaveText("Deutsch");

    // Her own choice comes first.
    await saveLanguage(page, org, { label: "Sprache", save: "Angaben speichern" }, "English", "Profile saved.");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeVisible();
  } finally {
    await onAppDatabase(async (db) => {
      await db.query(`UPDATE "User" SET "locale" = NULL WHERE "email" = 'owner@northwind.test'`);
      await db.query(`UPDATE "Organization" SET "defaultLocale" = 'en' WHERE "slug" = $1`, [org]);
    });
  }
});

test("a newcomer invited in French: the email over SMTP, the link's page, her home and her first goal speak French, whatever the browser", async ({
  page,
  browser,
}) => {
  const email = `ines-${unique()}@guests.test`;
  const goalTitle = `Prendre la parole ${unique()}`;
  await AppPage.signIn(page, "admin@acme.test");
  await page.goto(`/${DEMO_ORG.slug}/invitations/new`);
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await expect(page.getByLabel("Language").locator("option:checked")).toHaveText("The organisation's language (English)");
  await page.getByLabel("Language").selectOption({ label: "Français" });
  await page.getByRole("button", { name: "Send" }).click();
  // The admin reads the answer in her own language; the newcomer's email is in hers.
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation." })).toBeVisible();
  const mail = await receivedMail(email, new RegExp(`Vous êtes invité à rejoindre ${DEMO_ORG.name} sur Pathwise`));
  expect(mail.text).toContain("Accepter l'invitation");
  expect(mail.text).not.toContain("Accept the invitation");

  // An English browser opens the link: the page is the invitation's language.
  const guest = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await guest.goto(linkIn(mail, `${APP_URL}/invite/`));
  await expect(guest.locator("html")).toHaveAttribute("lang", "fr");
  await expect(guest.getByRole("heading", { level: 1, name: `Rejoindre ${DEMO_ORG.name}` })).toBeVisible();
  await guest.getByLabel("Prénom", { exact: true }).fill("Inès");
  await guest.getByLabel("Nom", { exact: true }).fill("Invitée");
  await guest.getByLabel("Choisissez un mot de passe").fill("ines picks a long passphrase");
  await guest.getByRole("button", { name: `Rejoindre ${DEMO_ORG.name}` }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Accueil" })).toBeVisible();
  await expect(guest.getByRole("navigation", { name: "Principale" })).toBeVisible();

  // Her first goal, in French from the form to the answer.
  await guest.getByRole("navigation", { name: "Principale" }).getByRole("link", { name: "Objectifs" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Objectifs" })).toBeVisible();
  await guest.locator("summary", { hasText: "Nouvel objectif" }).first().click();
  const form = guest.getByRole("form", { name: "Nouvel objectif", exact: true });
  await form.getByLabel("Titre", { exact: true }).fill(goalTitle);
  await form.getByRole("button", { name: "Ajouter l’objectif" }).click();
  await expect(form.getByRole("status")).toContainText(goalTitle);
  await expect(guest.getByRole("main")).toContainText(goalTitle);
  await guest.context().close();
});

test("someone signed out reads their browser's language where it is supported", async ({ request }) => {
  // Over HTTP, with the header as a browser sends it (Chromium puts its own, from its locale, in place of a page's).
  for (const [acceptLanguage, lang] of [
    ["de-AT, de;q=0.9, en;q=0.5", "de"],
    ["es-ES, fr;q=0.8", "fr"],
    ["en;q=0.2, fr;q=0.9", "fr"],
    ["es-ES, it;q=0.8", "en"],
  ]) {
    const html = await (await request.get("/sign-in", { headers: { "Accept-Language": acceptLanguage } })).text();
    expect(/<html lang="([^"]+)"/.exec(html)?.[1], acceptLanguage).toBe(lang);
    // The sign-in page speaks it, and says nothing of another language inside.
    expect(html, acceptLanguage).toContain({ en: ">Sign in</h1>", fr: ">Connexion</h1>", de: ">Anmelden</h1>" }[lang]);
    expect(html, acceptLanguage).not.toContain('<main lang="en"');
  }
});

test("a French browser signs in on a French page: the labels, the refusal and the way in", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await page.getByLabel("E-mail").fill("lee@acme.test");
  await page.getByLabel("Mot de passe").fill("not the password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "L’e-mail ou le mot de passe est incorrect." })).toBeVisible();
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // Lee chose no language, nor did Acme: her organisation's (English) wins over the browser's once signed in.
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("a right-to-left page mirrors: the navigation on the right, nothing past the screen's edge, menus open within it", async ({
  page,
}) => {
  await AppPage.signIn(page, "owner@northwind.test");
  const rtl = async () => {
    await page.evaluate(() => document.documentElement.setAttribute("dir", "rtl"));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  };
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/${SECOND_ORG.slug}/users`);
  const ltrNav = await box("nav#main-nav");
  expect(ltrNav.x).toBeLessThan((await box("main")).x); // left to right: the navigation first, on the left
  await rtl();
  const nav = await box("nav#main-nav");
  const main = await box("main");
  expect(nav.x).toBeGreaterThan(main.x);
  expect(nav.x + nav.width).toBeCloseTo(1280, 0);
  expect(await sideways()).toBeLessThanOrEqual(0);
  // The organisation menu opens below its button and inside the screen.
  await page.getByRole("button", { name: /Switch organisation/ }).click();
  const panel = page.locator(".menu-panel:popover-open");
  await expect(panel).toBeVisible();
  const opened = (await panel.boundingBox())!;
  expect(opened.x).toBeGreaterThanOrEqual(0);
  expect(opened.x + opened.width).toBeLessThanOrEqual(1280);
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${SECOND_ORG.slug}/users`);
  await rtl();
  expect(await sideways()).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
});
