import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export type CapturedMessage = { from: string; recipients: string[]; raw: string };

/** A real SMTP server on a local port that keeps what it receives; it can be told to refuse mail. */
export async function startSmtpServer() {
  const messages: CapturedMessage[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        if (refusing) {
          const error = Object.assign(new Error("Mailbox unavailable, try again later"), { responseCode: 451 });
          return callback(error);
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          recipients: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse(on: boolean) {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
