import { createElement, type FunctionComponent } from "react";
import { render } from "@react-email/render";
import * as accountCreated from "./account-created";
import * as accountReactivated from "./account-reactivated";
import * as invitation from "./invitation";
import * as newMessage from "./new-message";
import * as notification from "./notification";
import * as notificationDigest from "./notification-digest";
import * as notificationSummary from "./notification-summary";
import * as passwordReset from "./password-reset";
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
  "sign-up-confirm": signUpConfirm,
  "sign-up-existing": signUpExisting,
} satisfies Record<string, { subject: (props: never) => string; Body: FunctionComponent<never> }>;

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]["Body"]>[0];

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends TemplateName>(name: T, props: TemplateProps<T>): Promise<RenderedEmail> {
  const template = templates[name] as unknown as {
    subject: (p: TemplateProps<T>) => string;
    Body: FunctionComponent<TemplateProps<T>>;
  };
  const element = createElement(template.Body, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}
