import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMail, type ParsedMail } from '../../test/support/mail';
import { TestClock } from '../../test/support/clock';
import { TestSmtpServer } from '../../test/support/smtp';
import { MailDeliveryError, type MailMessage, type MailTransport } from './mail.transport';
import { FileMailTransport } from './mail.transport.file';
import { SmtpMailTransport } from './mail.transport.smtp';

/**
 * One contract for both mail adapters: what `send` resolves for has arrived,
 * intact, once. SMTP runs against a real SMTP server on loopback (with AUTH,
 * as SMTP_URL credentials are meant), files against a temporary folder.
 */

interface Harness {
  readonly transport: MailTransport;
  /** Everything delivered so far, parsed. */
  delivered(): Promise<ParsedMail[]>;
  dispose(): Promise<void>;
}

const adapters: Array<[string, () => Promise<Harness>]> = [
  [
    'SMTP',
    async () => {
      const server = await TestSmtpServer.start({ credentials: { user: 'shop', password: 'p@ss:word/1' } });
      const transport = new SmtpMailTransport({ url: server.url });
      return {
        transport,
        delivered: async () => server.received,
        dispose: async () => {
          await transport.close();
          await server.close();
        },
      };
    },
  ],
  [
    '.eml files',
    async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'shop-mail-'));
      const dir = path.join(root, 'outbox');
      const transport = new FileMailTransport({ dir, clock: new TestClock() });
      return {
        transport,
        delivered: async () => Promise.all((await readdir(dir)).sort().map(async (name) => parseMail(await readFile(path.join(dir, name), 'utf8')))),
        dispose: async () => {
          await transport.close();
          await rm(root, { recursive: true, force: true });
        },
      };
    },
  ],
];

let sequence = 0;

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  sequence += 1;
  return {
    from: 'Shop <no-reply@shop.test>',
    to: { name: 'Casey Customer', address: 'customer@shop.test' },
    subject: `Order ${sequence} confirmed`,
    text: `Hello Casey,\n\nyour order ${sequence} is confirmed.\n`,
    html: `<p>Hello Casey,</p><p>your order <strong>${sequence}</strong> is confirmed.</p>`,
    messageId: `<event-${sequence}.demo-user-customer@shop.test>`,
    ...overrides,
  };
}

describe.each(adapters)('MailTransport contract: %s', (_name, create) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await create();
  });
  afterEach(() => harness.dispose());

  it('delivers the sender, recipient, subject, text and HTML of a message', async () => {
    const sent = message();
    await harness.transport.send(sent);
    const [mail] = await harness.delivered();
    expect(mail.from).toBe('Shop <no-reply@shop.test>');
    expect(mail.to).toBe('Casey Customer <customer@shop.test>');
    expect(mail.subject).toBe(sent.subject);
    expect(mail.text.replace(/\r\n/g, '\n')).toBe(sent.text);
    expect(mail.html).toBe(sent.html);
  });

  it('carries the Message-ID it is given', async () => {
    await harness.transport.send(message({ messageId: '<evt-1.user-1@shop.test>' }));
    const [mail] = await harness.delivered();
    expect(mail.messageId).toBe('<evt-1.user-1@shop.test>');
  });

  it('keeps non-ASCII subjects, names and bodies intact', async () => {
    await harness.transport.send(
      message({
        to: { name: 'Jürgen Ørsted', address: 'jurgen@shop.test' },
        subject: 'Zahlung erhalten: 12,00 € – danke!',
        text: 'Grüße aus Zürich: 12,00 € für „Tasse“ ✓\n',
        html: '<p>Grüße aus Zürich: 12,00 € für „Tasse“ ✓</p>',
      }),
    );
    const [mail] = await harness.delivered();
    expect(mail.to).toBe('Jürgen Ørsted <jurgen@shop.test>');
    expect(mail.subject).toBe('Zahlung erhalten: 12,00 € – danke!');
    expect(mail.text.replace(/\r\n/g, '\n')).toBe('Grüße aus Zürich: 12,00 € für „Tasse“ ✓\n');
    expect(mail.html).toBe('<p>Grüße aus Zürich: 12,00 € für „Tasse“ ✓</p>');
  });

  it('delivers each message of a concurrent burst exactly once', async () => {
    const burst = Array.from({ length: 8 }, () => message());
    await Promise.all(burst.map((m) => harness.transport.send(m)));
    const subjects = (await harness.delivered()).map((mail) => mail.subject).sort();
    expect(subjects).toEqual(burst.map((m) => m.subject).sort());
  });
});

describe('SMTP adapter', () => {
  let server: TestSmtpServer;
  let transport: SmtpMailTransport;
  beforeEach(async () => {
    server = await TestSmtpServer.start();
    transport = new SmtpMailTransport({ url: server.url });
  });
  afterEach(async () => {
    await transport.close();
    await server.close();
  });

  async function failure(send: Promise<void>): Promise<MailDeliveryError> {
    const error: unknown = await send.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    return error as MailDeliveryError;
  }

  it('reports a temporary refusal (4xx) as transient, and the next attempt gets through', async () => {
    server.refuse('customer@shop.test', 1, 451);
    const sent = message();
    expect((await failure(transport.send(sent))).permanent).toBe(false);
    await transport.send(sent);
    expect(server.to('customer@shop.test').map((m) => m.subject)).toEqual([sent.subject]);
  });

  it('reports a mailbox the server refuses for good (5xx) as permanent', async () => {
    server.refuse('gone@shop.test', 1, 550);
    const error = await failure(transport.send(message({ to: { name: 'Gone', address: 'gone@shop.test' } })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('550');
  });

  it('reports wrong credentials as transient: a setup problem, not the message’s fault', async () => {
    const guarded = await TestSmtpServer.start({ credentials: { user: 'shop', password: 'right-password' } });
    const wrong = new SmtpMailTransport({ url: guarded.url.replace('right-password', 'wrong-password') });
    try {
      const error = await failure(wrong.send(message()));
      expect(error.permanent).toBe(false);
      expect(error.message).not.toContain('wrong-password');
      expect(guarded.received).toEqual([]);
    } finally {
      await wrong.close();
      await guarded.close();
    }
  });

  it('reports an unreachable server as transient', async () => {
    const closed = net.createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as net.AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new SmtpMailTransport({ url: `smtp://127.0.0.1:${port}` });
    try {
      expect((await failure(unreachable.send(message()))).permanent).toBe(false);
    } finally {
      await unreachable.close();
    }
  });
});

describe('.eml file adapter', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'shop-mail-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes <timestamp>-<id>.eml files with CRLF line ends, creating the folder', async () => {
    const dir = path.join(root, 'data', 'outbox');
    const transport = new FileMailTransport({ dir, clock: new TestClock(new Date('2026-03-04T05:06:07.089Z')) });
    await transport.send(message());
    await transport.send(message());
    const names = await readdir(dir);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^2026-03-04T05-06-07-089Z-[0-9a-f]{32}\.eml$/);
    const raw = await readFile(path.join(dir, names[0]), 'utf8');
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('reports a folder it cannot write as a transient failure', async () => {
    const blocker = path.join(root, 'not-a-folder');
    await writeFile(blocker, '');
    const transport = new FileMailTransport({ dir: path.join(blocker, 'outbox'), clock: new TestClock() });
    const error: unknown = await transport.send(message()).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as MailDeliveryError).permanent).toBe(false);
  });
});
