import type Mail from 'nodemailer/lib/mailer';
import type { Config } from '../../platform/config';

/**
 * Mail port: one message to one recipient. Adapters: SMTP (SMTP_URL set) and
 * .eml files under DATA_DIR/outbox (the default), held to one contract test.
 */
export interface MailMessage {
  /** "Name <address>" or a bare address. */
  readonly from: string;
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Stable per (event, recipient), so a resend after a crash carries the same Message-ID and mail clients can collapse it. */
  readonly messageId: string;
}

/** The message as nodemailer takes it: both adapters are built on nodemailer. */
export function nodemailerMessage(message: MailMessage): Mail.Options {
  return {
    from: message.from,
    to: { name: message.to.name, address: message.to.address },
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
  };
}

/** Longest one `send` may take, connecting included: a notification's sending lease outlasts it. */
export const MAIL_SEND_TIMEOUT_MS = 60_000;

export interface MailTransport {
  /** Resolves once the message was handed over (accepted by the server or written); throws a MailDeliveryError otherwise. */
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * `permanent`: retrying cannot help (the server refused this recipient or
 * message for good); otherwise the failure is transient and worth a retry.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';

  constructor(
    message: string,
    readonly permanent: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Where mail goes, for logs: never the SMTP credentials. */
export function describeMailTarget(config: Pick<Config, 'notifications'>): string {
  const { smtpUrl, outboxDir } = config.notifications;
  if (!smtpUrl) return `.eml files in ${outboxDir}`;
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
