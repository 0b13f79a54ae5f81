// The upload's size limit and its message, in one client-safe place: the browser checks a chosen file
// with them before sending it, and the server answers a bigger upload with the same words.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const FILE_TOO_BIG = `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`;
