"use client";

import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, RadioGroup, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { InviteResult } from "@/lib/invitations/send";
import { plural } from "@/lib/words";
import { HiddenFields } from "@/components/ui/hidden-fields";

type Option = { value: string; label: string };

type Props = {
  org: string;
  roles: Option[];
  scopedRoles: string[];
  programmesRequired: boolean;
  programmes: Option[];
  units: Option[];
  durations: Option[];
  defaultMessage: string;
  canCreate: boolean;
  action: FormAction<InviteResult>;
  resendAction: FormAction;
};

/**
 * Invite up to 20 people: addresses, one role, programmes where needed, unit, message. "Check" shows
 * per address what would happen, the seats it takes and the email; "Send" does it, all or nothing.
 */
export function InviteForm(props: Props) {
  const { org, roles, scopedRoles, programmesRequired, programmes, units, durations, defaultMessage, canCreate, action, resendAction } =
    props;
  const [result, formProps, pending] = useFormAction(action);
  const [role, setRole] = useState(roles.find((r) => r.value === "PARTICIPANT")?.value ?? roles[0]?.value ?? "");
  const needsProgrammes = programmesRequired || scopedRoles.includes(role);
  const data = result?.ok ? result.data : undefined;
  const sent = Boolean(data && data.sent > 0);

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form {...formProps} noValidate aria-labelledby="invite-heading">
        <h1 id="invite-heading" className="mb-4 text-2xl font-semibold">
          Invite users
        </h1>
        <FormStatus result={result?.ok ? (result.message ? result : null) : result} />
        <HiddenFields fields={{ org }} />
        <TextareaField
          label="Email addresses"
          name="emails"
          hint="Up to 20, separated by commas, semicolons, spaces or new lines."
          error={fieldError(result, "emails")}
          rows={4}
        />
        <SelectField
          label="Role"
          name="role"
          id="invite-role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={roles}
          error={fieldError(result, "role")}
        />
        {role === "IMPLEMENTATION_ADMIN" ? (
          <SelectField
            label="Access lasts"
            name="duration"
            id="invite-duration"
            defaultValue="3"
            options={durations}
            error={fieldError(result, "duration")}
          />
        ) : null}
        {needsProgrammes || programmes.length > 0 ? (
          <CheckboxGroup
            legend="Programmes"
            name="programmeIds"
            options={programmes}
            hint={needsProgrammes ? "At least one." : "Optional for this role."}
            empty="There are no programmes yet: create one under Programmes first."
            error={fieldError(result, "programmeIds")}
          />
        ) : null}
        <SelectField
          label="Unit"
          name="unitId"
          id="invite-unit"
          defaultValue=""
          options={units}
          empty="No unit"
          error={fieldError(result, "unitId")}
        />
        <TextareaField
          label="Message"
          name="message"
          defaultValue={defaultMessage}
          hint="Included in the email. Prefilled from your organisation's settings."
          error={fieldError(result, "message")}
        />
        {canCreate ? (
          <RadioGroup
            legend="How they join"
            name="mode"
            defaultValue="invite"
            options={[
              { value: "invite", label: "Send an invitation link (they become active when they accept)" },
              { value: "create", label: "Create the account now (active at once) and email a set-password link" },
            ]}
          />
        ) : null}
        <div className="flex gap-3">
          <Button type="submit" name="intent" value="check" variant="secondary" disabled={pending}>
            Check
          </Button>
          <Button type="submit" name="intent" value="send" disabled={pending}>
            {pending ? "Working…" : "Send"}
          </Button>
        </div>
      </form>

      {data ? (
        <div aria-live="polite">
          <h2 className="mb-2 text-lg font-semibold">{sent ? "Done" : "What will happen"}</h2>
          {data.refusal ? (
            <Notice tone="warning" role="alert">
              {data.refusal}
            </Notice>
          ) : null}
          <p className="mb-2 text-sm">
            {/* The seat count was taken before sending, so the seats this batch takes are added either way. */}
            {sent ? "Took " : "Takes "}
            {data.seatsNeeded > 0 ? plural(data.seatsNeeded, "seat") : "no seats"}: {data.seats.used + data.seatsNeeded} /{" "}
            {data.seats.limit} seats used
            {sent ? " now" : " after sending"}.
          </p>
          <ul className="mb-4 space-y-1 text-sm" aria-label="Addresses">
            {data.addresses.map((a, i) => (
              <li key={`${a.input}-${i}`} className={a.ok ? "" : "text-danger-hover"}>
                <span className="font-medium">{a.email ?? a.input}</span>: {a.message}
                {a.status === "already-invited" && a.invitationId ? (
                  <span className="ms-2 inline-block">
                    <ActionButton
                      action={resendAction}
                      fields={{ org, invitationId: a.invitationId }}
                      label={`Resend to ${a.email}`}
                      quiet
                    />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {!sent ? (
            <Panel id="preview-heading" title="Email preview">
              <p className="mb-2 text-sm">Subject: {data.preview.subject}</p>
              <pre className="whitespace-pre-wrap text-xs text-body">{data.preview.text}</pre>
            </Panel>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
