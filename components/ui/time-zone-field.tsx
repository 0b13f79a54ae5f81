"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { SelectField } from "./field";

/** The browser's zone never changes while the page is open. */
const noChanges = () => () => {};

/**
 * The browser's own zone as the server's list spells it: itself when listed, else the listed zone it
 * resolves to here (Asia/Calcutta and Asia/Kolkata; Etc/UTC and UTC, which the list carries by hand:
 * Intl's own list leaves UTC out).
 */
function browserZoneIn(zones: readonly string[]): string | undefined {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!own || zones.includes(own)) return own || undefined;
  const resolve = (zone: string) => {
    try {
      return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      return undefined;
    }
  };
  const target = resolve(own);
  return zones.find((zone) => resolve(zone) === target);
}

/**
 * The one time-zone picker of every form. `zones` comes from the server (TIME_ZONES): its list is what
 * the server accepts, and the browser's own list differs between engines, so building it here would
 * not hydrate. `value` is the stored zone, kept even when the list lacks it. Without one the field
 * is rendered on UTC (what a page without JavaScript submits) and moves to the browser's zone once the
 * page runs, after hydration, so server and browser render the same first HTML.
 */
export function TimeZoneField({
  zones,
  value,
  error,
  label,
  name = "timezone",
  id,
}: {
  zones: readonly string[];
  value?: string;
  error?: string;
  label?: string;
  name?: string;
  id?: string;
}) {
  const t = useTranslations("Ui");
  // What the person picked, if anything; until then the stored zone, else the browser's (read after
  // hydration, so the server's HTML, which says UTC, and the first client render agree).
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const browser = useSyncExternalStore(
    noChanges,
    () => browserZoneIn(zones) ?? "UTC",
    () => "UTC",
  );
  const zone = picked ?? value ?? browser;

  const options = value === undefined || zones.includes(value) ? zones : [value, ...zones];
  return (
    <SelectField
      label={label ?? t("timeZone")}
      name={name}
      id={id}
      value={zone}
      onChange={(e) => setPicked(e.target.value)}
      options={options}
      error={error}
    />
  );
}
