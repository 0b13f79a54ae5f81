import { msg } from "../i18n/msg";

// The bounds of files in words, client-safe: the upload form says them and checks them before sending,
// the services (lib/files/files.ts, lib/files/quota.ts) refuse with the same words (message keys,
// lib/i18n/msg.ts, in Files.upload where the form reads them too, else in Files.server).

export const GIB = 1024 ** 3;

/** "100 MB" for 104857600: sizes in binary units with the names people know (as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * A size as a message's values, for the messages' size slots (`{maxSize} {maxUnit}`, one decimal when
 * not whole): the reader's language writes the number and the unit ("1.5 MB", "1,5 Mo"), as formatBytes does in English.
 */
export function sizeValues<P extends string>(name: P, bytes: number): Record<`${P}Size` | `${P}Unit` | `${P}Point`, string | number> {
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = "byte";
  if (bytes >= 1024) {
    let i = 0;
    value = bytes / 1024;
    while (value >= 1024 && i < units.length - 1) {
      value /= 1024;
      i++;
    }
    unit = units[i];
  }
  const whole = Number.isInteger(value);
  const values: Record<string, string | number> = {
    [`${name}Size`]: whole ? value : Number(value.toFixed(1)),
    [`${name}Unit`]: unit,
    [`${name}Point`]: whole ? "whole" : "tenths",
  };
  return values;
}

export const tooLargeMessage = (maxBytes: number) => msg("Files.upload.tooLarge", sizeValues("max", maxBytes));

/** The refusal when a file does not fit in what is left of the organisation's storage quota. */
export const overQuotaMessage = (remaining: number) => msg("Files.upload.overQuota", sizeValues("free", remaining));

/** What the upload forms say beside the file: "Storage: 1.2 GB of 5 GB used, 3.8 GB left." */
export const storageLeftValues = (used: number, quota: number) => ({
  ...sizeValues("used", used),
  ...sizeValues("quota", quota),
  ...sizeValues("left", Math.max(0, quota - used)),
});

/** The refusal when one member has uploaded as much as an hour allows. */
export const uploadRateMessage = (files: number, bytes: number) => msg("Files.server.uploadRate", { files, ...sizeValues("bytes", bytes) });
