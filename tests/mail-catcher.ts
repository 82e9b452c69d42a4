// A real SMTP server on loopback for tests: mail that arrives is parsed with mailparser and kept.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ParsedMail[];
  /** While true, the server answers every message with a temporary failure (450). */
  refuse: boolean;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free loopback port (no TLS, no auth). */
export async function startMailCatcher(): Promise<MailCatcher> {
  const catcher = { received: [] as ParsedMail[], refuse: false } as MailCatcher;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (catcher.refuse) {
        stream.resume();
        stream.on("end", () => callback(new Error("mailbox unavailable")));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          catcher.received.push(parsed);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  catcher.url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  catcher.close = () => new Promise<void>((resolve) => smtp.close(() => resolve()));
  return catcher;
}

/** The first recipient's address of a parsed mail. */
export function recipientOf(mail: ParsedMail): string | undefined {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
}
