import { createServer, type Server } from "node:http";
import { simpleParser } from "mailparser";
import type { startSmtpServer } from "./smtp";

/** `calendar`: the message's iCalendar part (an invitation), as text, when it has one. */
export type ReceivedMail = { recipients: string[]; from: string; subject: string; text: string; html: string; calendar: string | null };

/**
 * Serves what a real SMTP server received, parsed, as JSON on http://127.0.0.1:<port>/messages, so
 * browser tests can read a mail the app sent over SMTP in another process.
 */
export async function serveReceivedMail(smtp: Awaited<ReturnType<typeof startSmtpServer>>, port: number): Promise<Server> {
  const server = createServer(async (_req, res) => {
    const parsed: ReceivedMail[] = await Promise.all(
      smtp.messages.map(async (m) => {
        const mail = await simpleParser(m.raw);
        return {
          recipients: m.recipients,
          from: m.from,
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          calendar: mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content.toString("utf8") ?? null,
        };
      }),
    );
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(parsed));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}
