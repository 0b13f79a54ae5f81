import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { RequestResetForm } from "@/components/auth/password-reset-forms";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <p className="mb-4 text-sm text-muted">Enter your email address and we will send you a link to choose a new password.</p>
      <RequestResetForm action={requestResetAction} />
    </AuthCard>
  );
}
