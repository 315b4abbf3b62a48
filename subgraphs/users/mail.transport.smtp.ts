import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type Mail from 'nodemailer/lib/mailer';
import type { SMTPPoolSentMessageInfo } from 'nodemailer/lib/smtp-pool';
import { MAIL_SEND_TIMEOUT_MS, MailDeliveryError, nodemailerMessage, type MailMessage, type MailTransport } from './mail.transport';

export interface SmtpMailTransportOptions {
  /** smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps:// (TLS from the start). */
  readonly url: string;
}

/** Replies that refuse this message or recipient for good; other 5xx (auth, sender) are a setup problem a retry may outlive. */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * Nodemailer's pooled SMTP transport: a few reused connections, so a burst
 * of mails does not open one connection each.
 */
export class SmtpMailTransport implements MailTransport {
  private readonly mailer: Mail<SMTPPoolSentMessageInfo>;

  constructor(options: SmtpMailTransportOptions) {
    this.mailer = createTransport({
      url: options.url,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // Below common server idle limits (nodemailer's default is 4 minutes).
      idleTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.mailer.sendMail({ ...nodemailerMessage(message), signal: AbortSignal.timeout(MAIL_SEND_TIMEOUT_MS) });
    } catch (error) {
      const failure = error as NodemailerError;
      const permanent = failure.permanent === true && MESSAGE_COMMANDS.has(failure.command ?? '');
      throw new MailDeliveryError(`SMTP delivery failed: ${failure.message}`, permanent, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.mailer.close();
  }
}
