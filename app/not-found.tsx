import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "Not found" };

// Next's built-in 404 styles itself inline, which the Content-Security-Policy (proxy.ts) refuses.
export default function NotFound() {
  return (
    <AuthCard title="Page not found">
      <p className="mb-4 text-sm">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-sm text-indigo-700 underline">
        Go to your organisation
      </Link>
    </AuthCard>
  );
}
