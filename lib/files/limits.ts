// The bounds of files in words, client-safe: the upload form says them and checks them before sending,
// the services (lib/files/files.ts, lib/files/quota.ts) refuse with the same words.

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

export const tooLargeMessage = (maxBytes: number) => `The file is larger than ${formatBytes(maxBytes)}, the most a file may be.`;

/** The refusal when a file does not fit in what is left of the organisation's storage quota. */
export const overQuotaMessage = (remaining: number) =>
  `Not enough storage left for this file: the organisation has ${formatBytes(remaining)} free. Delete files no longer needed, or ask an owner to raise the storage quota.`;

/** "1.2 GB of 5 GB used" */
export const storageUsedLine = (used: number, quota: number) => `${formatBytes(used)} of ${formatBytes(quota)} used`;

/** What the upload forms say beside the file: "Storage: 1.2 GB of 5 GB used, 3.8 GB left." */
export const storageLeftLine = (used: number, quota: number) =>
  `Storage: ${storageUsedLine(used, quota)}, ${formatBytes(Math.max(0, quota - used))} left.`;

/** The refusal when one member has uploaded as much as an hour allows. */
export const uploadRateMessage = (files: number, bytes: number) =>
  `You have uploaded as much as one person may in an hour (${files} files or ${formatBytes(bytes)}). Try again later.`;
