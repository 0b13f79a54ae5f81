// The fields goals, milestones, actions and notes share. Who may work on them: lib/coaching/material.ts.
import { nameField, optionalDayField, textField } from "../web/form-fields";

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;

/** A title: one line (it shows in lists, activity and emails), like every name in the app. */
export const titleField = nameField({ label: "a title", max: TITLE_MAX });

export const descriptionField = textField({ max: DESCRIPTION_MAX });

/** A due date from a date input: empty (or null) for none. */
export const dueDateField = optionalDayField().nullable().default(null);
