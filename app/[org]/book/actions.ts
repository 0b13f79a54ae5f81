"use server";

import { memberAction } from "@/lib/actions/action";
import { refreshOrganisation } from "@/lib/actions/refresh";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { bookingSchema, bookSession } from "@/lib/sessions/booking";

export const bookSessionAction = memberAction("portal:use", bookingSchema, async (actor, input) => {
  const session = await bookSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg(session.status === "REQUESTED" ? "Booking.requested" : "Booking.booked") };
});
