import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LocalGraphql } from '../platform/http';

/**
 * How the gateway talks HTTP to one subgraph: a pool of keep-alive sockets
 * (at most `maxSockets`, further calls queue for one), idle sockets closed
 * after `idleTimeoutMs`, kept below the subgraph's own keep-alive timeout so
 * the gateway, not the subgraph, normally closes them. One deadline covers a
 * call from the first byte sent to the last byte read. Answers are read as
 * one string: no fetch Request/Headers/Response objects per call.
 */

export interface TransportOptions {
  /** The per-call deadline (SUBGRAPH_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Sockets open to this subgraph at most (SUBGRAPH_MAX_SOCKETS). */
  readonly maxSockets: number;
  /** An idle socket is closed after this long (SUBGRAPH_IDLE_TIMEOUT_MS). */
  readonly idleTimeoutMs: number;
}

export interface SubgraphAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string | undefined;
  readonly cacheControl: string | undefined;
  readonly body: string;
}

/** No complete answer within the per-call deadline. */
export class SubgraphTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * The peer closed a kept-alive socket just as it was reused (its idle timer
 * won the race). Almost always the request never reached the subgraph, but a
 * subgraph that died mid-request looks the same, so only calls the caller
 * marks as repeatable (reads) are sent once more, on a new socket.
 */
const PEER_CLOSED = new Set(['ECONNRESET', 'EPIPE']);

/** How the gateway sends one call to a subgraph: over HTTP, or in-process to a co-located one. */
export interface SubgraphCaller {
  post(body: string, headers: Readonly<Record<string, string>>, repeatable: boolean): Promise<SubgraphAnswer>;
  close(): void;
}

export class SubgraphTransport implements SubgraphCaller {
  private readonly agent: HttpAgent;
  private readonly send: typeof httpRequest;
  private readonly target: RequestOptions;

  constructor(url: string, private readonly options: TransportOptions) {
    const parsed = new URL(url);
    const https = parsed.protocol === 'https:';
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, timeout: options.idleTimeoutMs, scheduling: 'lifo' as const };
    this.agent = https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.send = https ? httpsRequest : httpRequest;
    this.target = { protocol: parsed.protocol, hostname: parsed.hostname, port: parsed.port, path: `${parsed.pathname}${parsed.search}`, method: 'POST', agent: this.agent };
  }

  /** POSTs `body` (JSON) and reads the whole answer, within the deadline; `repeatable`: safe to send twice. */
  post(body: string, headers: Readonly<Record<string, string>>, repeatable: boolean): Promise<SubgraphAnswer> {
    const outgoing: OutgoingHttpHeaders = { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      let current: ClientRequest | null = null;
      let done = false;
      const finish = (error: Error | null, answer?: SubgraphAnswer) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve(answer!);
      };
      const deadline = setTimeout(() => {
        finish(new SubgraphTimeout(this.options.timeoutMs));
        current?.destroy();
      }, this.options.timeoutMs);
      const attempt = (isRetry: boolean) => {
        let answered = false;
        const req = this.send({ ...this.target, headers: outgoing }, (res) => {
          answered = true;
          readAnswer(res, finish);
        });
        current = req;
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (done) return;
          if (repeatable && !isRetry && !answered && req.reusedSocket && PEER_CLOSED.has(error.code ?? '')) attempt(true);
          else finish(error);
        });
        req.end(body);
      };
      attempt(false);
    });
  }

  /** Closes every socket (the gateway is stopping). */
  close(): void {
    this.agent.destroy();
  }
}

function readAnswer(res: IncomingMessage, finish: (error: Error | null, answer?: SubgraphAnswer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () =>
    finish(null, {
      status: res.statusCode ?? 0,
      statusText: res.statusMessage ?? '',
      contentType: res.headers['content-type'],
      cacheControl: res.headers['cache-control'],
      body: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
    }),
  );
  res.on('error', (error) => finish(error));
  // A socket closed mid-answer: 'end' never comes.
  res.on('close', () => {
    if (!res.complete) finish(new Error('the subgraph closed the connection before its answer was complete'));
  });
}

/**
 * A subgraph in the gateway's own process (the embedded mode), called
 * without a socket: the same JSON and headers, the same deadline and error
 * naming as over HTTP. Once that instance has stopped, calls go to its URL
 * over HTTP (whatever answers there now, or "cannot be reached").
 */
export class InProcessSubgraph implements SubgraphCaller {
  constructor(
    private readonly local: LocalGraphql,
    private readonly timeoutMs: number,
    private readonly overHttp: SubgraphCaller,
  ) {}

  async post(body: string, headers: Readonly<Record<string, string>>, repeatable: boolean): Promise<SubgraphAnswer> {
    let deadline: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.local(body, headers),
        new Promise<never>((_, reject) => {
          deadline = setTimeout(() => reject(new SubgraphTimeout(this.timeoutMs)), this.timeoutMs);
        }),
      ]);
      return { ...answer, statusText: answer.status === 200 ? 'OK' : '' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error;
      return this.overHttp.post(body, headers, repeatable);
    } finally {
      clearTimeout(deadline);
    }
  }

  close(): void {
    this.overHttp.close();
  }
}
