import { createElement, type FunctionComponent } from "react";
import { render } from "@react-email/render";
import type { Locale } from "../lib/i18n/locales";
import { readerFor, type Reader } from "../lib/i18n/translator";
import * as accountCreated from "./account-created";
import * as accountReactivated from "./account-reactivated";
import * as invitation from "./invitation";
import * as newMessage from "./new-message";
import * as notification from "./notification";
import * as notificationDigest from "./notification-digest";
import * as notificationSummary from "./notification-summary";
import * as passwordReset from "./password-reset";
import * as sessionChange from "./session-change";
import * as signUpConfirm from "./sign-up-confirm";
import * as signUpExisting from "./sign-up-existing";

// Every template: a subject line and a body component, rendered to HTML and plain text.
const templates = {
  "password-reset": passwordReset,
  "account-reactivated": accountReactivated,
  "account-created": accountCreated,
  invitation,
  "new-message": newMessage,
  notification,
  "notification-digest": notificationDigest,
  "notification-summary": notificationSummary,
  "session-change": sessionChange,
  "sign-up-confirm": signUpConfirm,
  "sign-up-existing": signUpExisting,
} satisfies Record<string, { subject: (props: never) => string; Body: FunctionComponent<never> }>;

export type TemplateName = keyof typeof templates;
/** A template's own props: what the caller gives (the reader is added by renderEmail). */
export type TemplateProps<T extends TemplateName> = Omit<Parameters<(typeof templates)[T]["Body"]>[0], "reader">;

export type RenderedEmail = { subject: string; html: string; text: string };

/** An email in its recipient's language: subject, HTML and plain text. */
export async function renderEmail<T extends TemplateName>(name: T, props: TemplateProps<T>, locale: Locale): Promise<RenderedEmail> {
  type Props = TemplateProps<T> & { reader: Reader };
  const template = templates[name] as unknown as { subject: (p: Props) => string; Body: FunctionComponent<Props> };
  const withReader = { ...props, reader: await readerFor(locale) } as Props;
  const element = createElement(template.Body, withReader);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(withReader), html, text };
}
