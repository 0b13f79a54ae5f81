"use server";

import { revalidatePath } from "next/cache";
import { msg } from "@/lib/i18n/msg";
import { memberAction } from "@/lib/actions/action";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { sendMessage, sendMessageSchema, type SendMessageInput } from "@/lib/messages/send";

async function send(actor: Actor, input: SendMessageInput) {
  await sendMessage(db(), actor, input);
  revalidatePath("/[org]/messages", "layout");
  return { ok: true as const, message: msg("Conversations.server.sent") };
}

// Both ends of a thread send through the same service, each guarded by its own permission: a coach
// writes from their workspace, a participant from their portal.
export const coachSendMessageAction = memberAction("coachees:manage", sendMessageSchema, send);
export const participantSendMessageAction = memberAction("portal:use", sendMessageSchema, send);
