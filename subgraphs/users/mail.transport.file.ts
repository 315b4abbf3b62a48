import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { StreamSentMessageInfo } from 'nodemailer/lib/stream-transport';
import type { Clock } from '../../platform/clock';
import { errorMessage } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { MailDeliveryError, nodemailerMessage, type MailMessage, type MailTransport } from './mail.transport';

export interface FileMailTransportOptions {
  /** Created when missing. */
  readonly dir: string;
  readonly clock: Clock;
}

/**
 * Development and test stand-in for SMTP: each message becomes an RFC 5322
 * `.eml` file, `<timestamp>-<id>.eml`, that any mail client opens.
 */
export class FileMailTransport implements MailTransport {
  private readonly composer: Mail<StreamSentMessageInfo>;

  constructor(private readonly options: FileMailTransportOptions) {
    // CRLF line ends, as on the wire.
    this.composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(message: MailMessage): Promise<void> {
    const { message: raw } = await this.composer.sendMail(nodemailerMessage(message));
    const stamp = this.options.clock.now().toISOString().replace(/[:.]/g, '-');
    const file = path.join(this.options.dir, `${stamp}-${newId()}.eml`);
    try {
      await mkdir(this.options.dir, { recursive: true });
      // Written aside, then renamed: whoever watches the folder never reads half a message.
      await writeFile(`${file}.part`, raw as Buffer);
      await rename(`${file}.part`, file);
    } catch (error) {
      throw new MailDeliveryError(`Cannot write ${file}: ${errorMessage(error)}`, false, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}
