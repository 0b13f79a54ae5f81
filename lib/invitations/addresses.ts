import { emailSchema } from "../web/form-fields";
import { msg } from "../i18n/msg";

export const MAX_INVITES = 20;

export type ParsedAddress = { input: string; email?: string; error?: string };

/**
 * The addresses pasted into the Invite dialog: separated by commas, semicolons, spaces or new lines.
 * Each piece must be one bare address; anything else (a display name, "<...>", a header smuggled
 * after a line break, a quoted local part) is reported as malformed, never guessed at.
 */
export function parseAddressList(text: string): ParsedAddress[] {
  return text
    .split(/[,;\s]+/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((input) => {
      const parsed = emailSchema.safeParse(input);
      return parsed.success ? { input, email: parsed.data } : { input, error: msg("Invitations.server.notAnEmail") };
    });
}
