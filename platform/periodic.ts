import type { Logger } from './log';

export interface Periodic {
  /** Stops the timer; resolves once a run in progress finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs` in the background, never two runs at once in
 * a process (a run still going when the next is due skips that turn). A
 * failed run is logged as `<name> failed; will retry` and the next one tries
 * again. The timer does not keep the process alive.
 */
export function every(intervalMs: number, name: string, log: Logger, task: () => Promise<void>): Periodic {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .catch((error: unknown) => log.warn(`${name} failed; will retry`, { error: String(error) }))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
