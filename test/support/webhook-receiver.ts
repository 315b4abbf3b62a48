import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly raw: string;
  readonly body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
}

/**
 * A partner's endpoint on loopback: records every request and answers what
 * `answer` says (200 by default); `stop()` and `start()` again on the same
 * port take it down and bring it back.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (body: ReceivedWebhook['body']) => number = () => 200;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw) as ReceivedWebhook['body'];
        const status = this.answer(body);
        this.received.push({ status, headers: req.headers, raw, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepted (2xx) deliveries, in the order they arrived. */
  accepted(): ReceivedWebhook[] {
    return this.received.filter((delivery) => delivery.status >= 200 && delivery.status < 300);
  }
}
