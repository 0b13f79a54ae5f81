"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="rounded-md border border-line-strong px-3 py-1 hover:bg-surface-sunken"
    >
      Sign out
    </button>
  );
}
