import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, as sent (empty when there is none). */
  html: string;
  /** Every http(s) link in the text part. */
  links: string[];
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  readonly #server: SMTPServer;
  readonly #waiters = new Set<() => void>();
  #port = 0;

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.#keep(mail);
            callback();
          })
          .catch(callback);
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.#port}`;
  }

  /** The first mail to `to` whose subject matches, waiting for it to arrive. */
  async next(to: string, subject: RegExp, timeoutMs = 10_000): Promise<ReceivedMail> {
    const find = () =>
      this.received.find(
        (mail) => mail.to.includes(to.toLowerCase()) && subject.test(mail.subject),
      );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = find();
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} matching ${subject} arrived`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.#waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #keep(mail: ParsedMail): void {
    const to = [mail.to ?? []]
      .flat()
      .flatMap((address) => address.value.map((value) => (value.address ?? '').toLowerCase()));
    const text = mail.text ?? '';
    this.received.push({
      to,
      subject: mail.subject ?? '',
      text,
      html: typeof mail.html === 'string' ? mail.html : '',
      links: text.match(/https?:\/\/[^\s<>"]+/g) ?? [],
    });
    for (const wake of this.#waiters) wake();
    this.#waiters.clear();
  }
}
