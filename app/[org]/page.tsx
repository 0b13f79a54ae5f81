import { requireMember } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/authz/permissions";

export default async function Dashboard({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org, "dashboard:view");
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">Dashboard</h1>
      <p className="text-slate-600">
        Welcome, {member.user.firstName || member.user.email}. You are signed in to {member.organization.name} as{" "}
        {ROLE_LABELS[member.role].toLowerCase()}.
      </p>
    </section>
  );
}
