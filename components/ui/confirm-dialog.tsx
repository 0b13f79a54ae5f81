"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent, ReactNode, RefObject } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * The one confirmation dialog: a modal that says what will happen, with Cancel and a confirm button
 * that submits the form it sits in. Open it with `dialog.current?.showModal()` from the button that
 * asks. `onConfirm` may call `event.preventDefault()` to keep the dialog open (a choice is missing),
 * and says why inside the dialog (`children` hold any choices and their errors).
 */
export function ConfirmDialog({
  dialog,
  titleId,
  title,
  explain,
  confirmLabel,
  tone = "primary",
  onConfirm,
  children,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  /** Unique on the page: the dialog is named by its title. */
  titleId: string;
  title: ReactNode;
  /** What will happen, in the person's words. */
  explain: ReactNode;
  confirmLabel: string;
  /** "danger" for a step that takes something away (deactivate, cancel an invitation). */
  tone?: Extract<ButtonVariant, "primary" | "danger">;
  onConfirm?: (event: MouseEvent<HTMLButtonElement>) => void;
  children?: ReactNode;
}) {
  const t = useTranslations("Ui");
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg p-6 shadow-xl backdrop:bg-overlay/40"
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <div className="mb-4 text-sm text-body">{explain}</div>
      {children}
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={() => dialog.current?.close()}>
          {t("cancel")}
        </Button>
        <Button
          type="submit"
          variant={tone}
          onClick={(event) => {
            onConfirm?.(event);
            if (!event.defaultPrevented) dialog.current?.close();
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
