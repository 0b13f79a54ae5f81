import type { ActionResult } from "@/lib/actions/action";
import { Notice } from "./notice";

/** The outcome of a form's last submission: a success announced politely, an error assertively. */
export function FormStatus({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  if (result.ok) {
    return result.message ? (
      <Notice tone="success" role="status">
        {result.message}
      </Notice>
    ) : null;
  }
  return (
    <Notice tone="error" role="alert">
      {result.error}
    </Notice>
  );
}

export function fieldError(result: ActionResult<unknown> | null, name: string): string | undefined {
  return result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined;
}
