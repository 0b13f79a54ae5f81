// The upload's size limit and its message, in one client-safe place: the browser checks a chosen file
// with them before sending it, and the server answers a bigger upload with the same words.

import { msg } from "../i18n/msg";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

export const FILE_TOO_BIG = msg("Imports.upload.tooBig", { mb: MAX_IMPORT_MB });
