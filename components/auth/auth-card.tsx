import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand-mark";

/** The centred card the signed-out pages (sign in, password reset) share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-line bg-surface p-8 shadow-sm">
        <p className="mb-3">
          <Brand />
        </p>
        <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
