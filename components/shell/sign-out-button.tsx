"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("Shell");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="rounded-md border border-line-strong px-3 py-1 hover:bg-surface-sunken"
    >
      {t("signOut")}
    </button>
  );
}
