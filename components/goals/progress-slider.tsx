"use client";

import { startTransition, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/action";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** What the slider's save answers: the goal's figure before and after it, both from the server. */
export type ProgressSaved = { progress: number; goal: { before: number; progress: number; complete: boolean } | null };

/** How long the slider rests before its value is saved (one save per gesture, not one per pixel). */
const SAVE_AFTER_MS = 400;

const subscribeNothing = () => () => {};

/**
 * An action's progress: a labelled range input (arrows, Page Up/Down, Home and End work) that saves as
 * it is moved, debounced, and announces what was saved with the goal's new figure from the server's
 * roll-up. "Mark done" sets 100. Without JavaScript the same form has a Save button.
 */
export function ProgressSlider({
  org,
  actionId,
  title,
  progress,
  goal,
  action,
}: {
  org: string;
  actionId: string;
  title: string;
  progress: number;
  /** The goal the action counts towards, with its figure as the page was drawn. */
  goal: { title: string; progress: number } | null;
  action: FormAction<ProgressSaved>;
}) {
  const t = useTranslations("Goals.progress");
  const [result, formProps, pending] = useFormAction(action);
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const [value, setValue] = useState(progress);
  const [shown, setShown] = useState(progress);
  const [saving, setSaving] = useState(0);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The page's figure changed (saved here, or elsewhere): follow it unless a save of ours is on its way.
  if (progress !== shown) {
    setShown(progress);
    if (saving === 0) setValue(progress);
  }

  const id = `progress-${actionId}`;

  function save(next: number) {
    const data = new FormData();
    data.set("org", org);
    data.set("actionId", actionId);
    data.set("progress", String(next));
    setSaving((n) => n + 1);
    startTransition(async () => {
      const r: ActionResult<ProgressSaved> = await action(null, data);
      setSaving((n) => n - 1);
      if (!r.ok) {
        setSaid({ text: r.fieldErrors?.progress?.[0] ?? r.error, error: true });
        return;
      }
      const saved = r.data;
      const progress = saved?.progress ?? next;
      // The server's figure from before this save: the page's copy is stale after the first save.
      const text =
        goal && saved?.goal
          ? t(saved.goal.before === saved.goal.progress ? "savedGoal" : "savedGoalMoved", {
              progress,
              goal: goal.title,
              before: saved.goal.before,
              after: saved.goal.progress,
              complete: saved.goal.complete ? "yes" : "no",
            })
          : t("saved", { progress });
      setSaid({ text, error: false });
    });
  }

  function change(next: number) {
    setValue(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save(next), SAVE_AFTER_MS);
  }

  const fallbackError = fieldError(result, "progress") ?? (result && !result.ok ? result.error : undefined);
  const message =
    said ?? (fallbackError ? { text: fallbackError, error: true } : result?.ok ? { text: t("savedPlain"), error: false } : null);

  return (
    <div className="space-y-1">
      <form {...formProps} noValidate className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <HiddenFields fields={{ org, actionId }} />
        <label htmlFor={id} className="text-sm font-medium text-body">
          {t("of", { title })}
        </label>
        <input
          id={id}
          type="range"
          name="progress"
          min={0}
          max={100}
          step={1}
          value={value}
          aria-valuetext={t("percent", { value })}
          onChange={(e) => change(Number(e.currentTarget.value))}
          className="w-40 max-w-full accent-primary"
        />
        {/* The figure for the eye; the input itself announces it (aria-valuetext), and the status line says what was saved. */}
        <span aria-hidden="true" className="w-12 text-sm tabular-nums">
          {t("percent", { value })}
        </span>
        {hydrated ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={value === 100}
            aria-label={t("markDoneOf", { title })}
            onClick={() => {
              if (timer.current) clearTimeout(timer.current);
              setValue(100);
              save(100);
            }}
          >
            {t("markDone")}
          </Button>
        ) : (
          <Button type="submit" size="sm" variant="secondary" disabled={pending}>
            {t("save")}
          </Button>
        )}
      </form>
      <p role="status" aria-live="polite" className={`text-xs ${message?.error ? "text-danger" : "text-muted"}`}>
        {saving > 0 ? t("saving") : (message?.text ?? "")}
      </p>
    </div>
  );
}
