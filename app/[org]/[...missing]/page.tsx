import { notFound } from "next/navigation";

// Any address under an organisation that no page answers: its 404 inside the shell (app/[org]/not-found.tsx)
// instead of the bare root one. The layout has already decided the organisation exists for this member.
export default function Missing() {
  notFound();
}
