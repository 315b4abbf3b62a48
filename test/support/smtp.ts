import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ParsedMail } from './mail';

export interface ReceivedMail extends ParsedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  readonly recipients: readonly string[];
  readonly raw: string;
}

export interface TestSmtpServerOptions {
  /** Require AUTH with these credentials (sent in the clear: loopback only). */
  readonly credentials?: { readonly user: string; readonly password: string };
}

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port,
 * keeping every accepted message. It can refuse a mailbox for a number of
 * attempts with a chosen reply code, as a real server does when it is busy
 * (4xx) or does not know the mailbox (5xx).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** RCPT TO attempts per (lower-cased) address, accepted or not. */
  readonly attempts = new Map<string, number>();
  private readonly refusals = new Map<string, { remaining: number; code: number }>();

  private readonly server: SMTPServer;
  private port = 0;

  private constructor(private readonly credentials: TestSmtpServerOptions['credentials']) {
    this.server = new SMTPServer({
      logger: false,
      // Plain SMTP on loopback: no self-signed STARTTLS for the client to refuse.
      disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      allowInsecureAuth: true,
      authOptional: !credentials,
      closeTimeout: 100,
      onAuth: (auth, _session, callback) => {
        const ok = auth.username === credentials?.user && auth.password === credentials?.password;
        callback(ok ? null : Object.assign(new Error('Invalid credentials'), { responseCode: 535 }), ok ? { user: auth.username } : undefined);
      },
      onRcptTo: (address, _session, callback) => callback(this.rcpt(address.address)),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({ ...parseMail(raw), raw, recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()) });
          callback(null);
        });
      },
    });
  }

  static async start(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(options.credentials);
    smtp.port = await new Promise<number>((resolve, reject) => {
      smtp.server.once('error', reject);
      const listener = smtp.server.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
    });
    return smtp;
  }

  /** For SMTP_URL: `smtp://[user:password@]127.0.0.1:<port>`. */
  get url(): string {
    const auth = this.credentials ? `${encodeURIComponent(this.credentials.user)}:${encodeURIComponent(this.credentials.password)}@` : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  /** Refuses RCPT TO for `address` the next `times` attempts with `code` (4xx: try later, 5xx: for good). */
  refuse(address: string, times: number, code: number): void {
    this.refusals.set(address.toLowerCase(), { remaining: times, code });
  }

  /** The messages whose envelope includes `address`. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.recipients.includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private rcpt(address: string): Error | null {
    const key = address.toLowerCase();
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1);
    const refusal = this.refusals.get(key);
    if (!refusal || refusal.remaining <= 0) return null;
    refusal.remaining -= 1;
    return Object.assign(new Error(refusal.code >= 500 ? 'No such mailbox' : 'Try again later'), { responseCode: refusal.code });
  }
}
