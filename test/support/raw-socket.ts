import WebSocket from 'ws';
import { waitFor } from './wait-for';

/** A bare graphql-transport-ws socket, for protocol violations the real client never commits. */
export class RawSocket {
  readonly messages: Array<Record<string, unknown>> = [];
  closeCode: number | null = null;
  private readonly socket: WebSocket;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    this.socket.on('message', (data) => this.messages.push(JSON.parse(String(data)) as Record<string, unknown>));
    this.socket.on('close', (code) => (this.closeCode = code));
    this.socket.on('error', () => undefined);
  }

  /** Resolves with the HTTP status of a refused upgrade, or 101 once open. */
  opened(): Promise<number> {
    return new Promise((resolve) => {
      this.socket.once('open', () => resolve(101));
      this.socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
  }

  /** Sends once the socket is open (messages sent while connecting would be lost). */
  async send(message: unknown): Promise<void> {
    if (this.socket.readyState === WebSocket.CONNECTING) await new Promise((resolve) => this.socket.once('open', resolve));
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async closedWith(): Promise<number> {
    await waitFor(() => this.closeCode !== null);
    return this.closeCode as number;
  }

  async message(type: string): Promise<Record<string, unknown>> {
    return (await waitFor(() => this.messages.find((m) => m.type === type))) as Record<string, unknown>;
  }

  close(): void {
    this.socket.terminate();
  }
}
