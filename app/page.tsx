import { redirect } from "next/navigation";
import { activeOrganizations } from "@/lib/auth/member";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await activeOrganizations(user.id);
  if (!first) redirect("/sign-in");
  redirect(`/${first.slug}`);
}
