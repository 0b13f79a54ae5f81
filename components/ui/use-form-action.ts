"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action";

export type FormAction<T = undefined> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A server action behind a form, keeping what the person typed: spread the returned props on the
 * <form>. `<form action={fn}>` alone resets every field once the action settles, so a refused
 * submission would throw away the input its errors talk about; onSubmit dispatches instead and
 * prevents that. The `action` prop stays so a submit before hydration is held and replayed by React
 * rather than sent as a plain GET of the page.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const [result, dispatch, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button that submitted takes part, as in a native submission (name="intent" value="check").
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  }
  return [result, { action: dispatch, onSubmit }, pending] as const;
}
