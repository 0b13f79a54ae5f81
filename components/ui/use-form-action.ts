"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { SUBMISSION_FIELD } from "@/lib/actions/submissions";

export type FormAction<T = undefined> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** A random submission key (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A server action behind a form: spread the returned props on the <form>. What the person typed is
 * kept when the action refuses it (`<form action={fn}>` alone resets every field once the action
 * settles, throwing away the input its errors talk about; onSubmit dispatches instead and prevents
 * that), and cleared once it succeeds: every field goes back to its default (empty in an add form, the
 * saved value in an edit form, which the page redraws), so a second click cannot add the same thing
 * again (unless the action answers `keep`: a check before sending, a draft saved). Each filled-in form carries a submission key the server claims once (lib/actions/submissions.ts):
 * a double click, or two posts racing before the button is disabled, does the work once, and the repeat's
 * answer leaves the first one showing. The `action` prop stays so a submit before hydration is held and
 * replayed by React rather than sent as a plain GET of the page.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const form = useRef<HTMLFormElement | null>(null);
  const key = useRef<string | null>(null);
  const [result, dispatch, pending] = useActionState(async (prev: ActionResult<T> | null, data: FormData) => {
    const next = await action(prev, data);
    // The work is done: the next submission gets a new key. Here, before the answer is drawn and the
    // button enabled again (an effect would run after, and a quick next click would repeat this key).
    if (next.ok && data.get(SUBMISSION_FIELD) === key.current) key.current = null;
    return next.ok && next.duplicate && prev ? prev : next;
  }, null);
  useEffect(() => {
    if (!result?.ok) return;
    // A check or a draft (`keep`) leaves what was typed.
    if (!result.keep) form.current?.reset();
  }, [result]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.current = event.currentTarget;
    // The button that submitted takes part, as in a native submission (name="intent" value="check").
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    key.current ??= newKey();
    data.set(SUBMISSION_FIELD, key.current);
    startTransition(() => dispatch(data));
  }
  return [result, { action: dispatch, onSubmit }, pending] as const;
}
