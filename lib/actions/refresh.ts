import { revalidatePath } from "next/cache";

/**
 * After a change, every page of the organisation is drawn again on its next visit: a goal, a note or a
 * session shows on several pages (the dashboard, the profile, the lists, the bell's count), so the
 * actions revalidate the organisation's whole layout rather than guess which pages show it.
 */
export function refreshOrganisation(): void {
  revalidatePath("/[org]", "layout");
}
