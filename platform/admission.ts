import { checkDeadline } from './deadline';
import { tryAgain } from './errors';
import { remainingMs } from './request-scope';

export interface AdmissionLimits {
  /** At most this many run at once. */
  readonly concurrency: number;
  /** At most this many wait for a turn; one more is refused at once with TRY_AGAIN. */
  readonly queue: number;
}

/** How much one new duration moves the estimate of the next. */
const WEIGHT = 0.2;

/**
 * A bounded queue in front of a costly operation (a placement): a few run,
 * a few wait, the rest are refused at once with TRY_AGAIN rather than piling
 * up past their callers' deadlines. A turn that comes too late to finish
 * before the request's deadline (judged by how long recent runs took) is
 * refused too, before the operation does anything.
 */
export class Admission {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Moving average of recent runs, in ms. */
  private estimateMs = 0;

  constructor(
    private readonly what: string,
    private readonly limits: AdmissionLimits,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrency) this.running += 1;
    else if (this.waiting.length < this.limits.queue) await this.turn();
    else throw tryAgain(`Too busy to ${this.what} now: ${this.limits.queue} requests are waiting already`);
    // The turn is this call's from here (handed over by release, or taken above) until it releases it.
    try {
      this.checkTime();
      const started = Date.now();
      const result = await work();
      this.observe(Date.now() - started);
      return result;
    } finally {
      this.release();
    }
  }

  /** Waits for a turn, but not past the time the request could still use it: then it leaves the queue, refused. */
  private turn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const left = remainingMs() - this.estimateMs;
      const timer = Number.isFinite(left)
        ? setTimeout(() => {
            this.waiting.splice(this.waiting.indexOf(waiter), 1);
            reject(tryAgain(`Too busy to ${this.what} before the request's deadline; nothing was done`));
          }, Math.max(0, left))
        : undefined;
      this.waiting.push(waiter);
    });
  }

  private checkTime(): void {
    try {
      checkDeadline(this.what, this.estimateMs);
    } catch (error) {
      // Refusals add no durations: without this the estimate could stay above every deadline and refuse for ever.
      this.estimateMs *= 1 - WEIGHT;
      throw error;
    }
  }

  private observe(ms: number): void {
    this.estimateMs = this.estimateMs === 0 ? ms : this.estimateMs + WEIGHT * (ms - this.estimateMs);
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
