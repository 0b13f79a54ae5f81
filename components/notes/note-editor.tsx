"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/action";

/** How long typing rests before the note is saved. */
export const AUTOSAVE_AFTER_MS = 800;
// Browsers refuse a keepalive request over 64 KB: a longer note's last save goes as an ordinary one.
const KEEPALIVE_MAX = 60_000;

type Status = { state: "idle" | "unsaved" | "saving" | "saved" | "error"; text: string; fields?: Record<string, string[] | undefined> };

/**
 * A note's editor that saves itself: AUTOSAVE_AFTER_MS after the last keystroke, and at once when a
 * field loses focus, the tab is hidden or the page is closed (`keepalive`, so the request outlives the
 * page). One save at a time, always of the latest text, so an older save never lands after a newer
 * one. A polite live region says "Saving…", "Saved" or what went wrong, with each field's message
 * beside it. Without JavaScript the Save button posts the same save as a form.
 */
export function NoteEditor({
  org,
  noteId,
  title,
  body,
  maxTitle,
  maxBody,
  saveUrl,
  action,
  untitled,
}: {
  org: string;
  noteId: string;
  title: string;
  body: string;
  maxTitle: number;
  maxBody: number;
  /** The autosave route (app/[org]/notes/autosave). */
  saveUrl: string;
  /** The same save as a server action, for the Save button before (or without) JavaScript. */
  action: FormAction;
  /** What an empty title reads as. */
  untitled: string;
}) {
  const t = useTranslations("Notes.editor");
  const format = useFormatter();
  const [result, formProps, pending] = useFormAction(action);
  const [status, setStatus] = useState<Status>({ state: "idle", text: "" });
  const latest = useRef({ title, body });
  const saved = useRef({ title, body });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);

  const dirty = () => latest.current.title !== saved.current.title || latest.current.body !== saved.current.body;

  async function save(leaving = false) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty()) return;
    if (inFlight.current && !leaving) return; // the save on its way saves again when it lands
    const sent = { ...latest.current };
    const data = new FormData();
    data.set("noteId", noteId);
    data.set("title", sent.title);
    data.set("body", sent.body);
    inFlight.current = true;
    setStatus({ state: "saving", text: t("saving") });
    try {
      const small = new Blob([sent.title, sent.body]).size < KEEPALIVE_MAX;
      const response = await fetch(saveUrl, { method: "POST", body: data, keepalive: leaving && small, credentials: "same-origin" });
      const r = (await response.json().catch(() => ({ ok: false, error: t("notSaved") }))) as ActionResult<{ savedAt: string }>;
      if (r.ok) {
        saved.current = sent;
        setStatus(dirty() ? { state: "unsaved", text: t("unsaved") } : { state: "saved", text: t("saved") });
      } else {
        setStatus({ state: "error", text: r.error, fields: r.fieldErrors });
      }
    } catch {
      setStatus({ state: "error", text: t("offline") });
    } finally {
      inFlight.current = false;
    }
    if (dirty() && !leaving) schedule();
  }

  function schedule() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_AFTER_MS);
  }

  function change(field: "title" | "body", value: string) {
    latest.current = { ...latest.current, [field]: value };
    setStatus((s) => (s.state === "saving" ? s : { state: "unsaved", text: t("unsaved") }));
    schedule();
  }

  // Leaving the page (another tab, the window closed, navigating away) saves what is there.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === "hidden") void saveRef.current(true);
    };
    const onLeave = () => void saveRef.current(true);
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onLeave);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onLeave);
      void saveRef.current(true);
    };
  }, []);

  const error = (name: string) => status.fields?.[name]?.[0] ?? fieldError(result, name);
  const said = status.state !== "idle" ? status.text : result ? (result.ok ? t("saved") : result.error) : t("idle");
  const bad = status.state === "error" || (status.state === "idle" && result !== null && !result.ok);

  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
      className="max-w-3xl"
    >
      <HiddenFields fields={{ org, noteId }} />
      <Field
        id={`note-title-${noteId}`}
        label={t("title")}
        name="title"
        defaultValue={title}
        maxLength={maxTitle}
        placeholder={untitled}
        error={error("title")}
        onChange={(e) => change("title", e.currentTarget.value)}
        onBlur={() => void save()}
      />
      <TextareaField
        id={`note-body-${noteId}`}
        label={t("body")}
        name="body"
        rows={12}
        defaultValue={body}
        maxLength={maxBody}
        hint={t("bodyHint", { max: format.number(maxBody) })}
        error={error("body")}
        onChange={(e) => change("body", e.currentTarget.value)}
        onBlur={() => void save()}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" size="sm" disabled={pending || status.state === "saving"}>
          {t("saveNow")}
        </Button>
        <p role="status" aria-live="polite" data-testid="note-save-status" className={`text-sm ${bad ? "text-danger" : "text-muted"}`}>
          {said}
        </p>
      </div>
    </form>
  );
}
