import { Admission } from './admission';
import { setRequestDeadline, withRequestId } from './request-scope';

/** A run that lasts until the test lets it finish. */
function held(): { work: () => Promise<string>; finish: () => void; started: Promise<void> } {
  let finish = () => undefined as void;
  let begin = () => undefined as void;
  const started = new Promise<void>((resolve) => (begin = resolve));
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      begin();
      await done;
      return 'done';
    },
    finish,
    started,
  };
}

const code = (error: unknown) => (error as { extensions?: { code?: unknown } }).extensions?.code;

describe('Admission (bounded queue with TRY_AGAIN)', () => {
  it('runs up to its concurrency, queues up to its queue, and refuses one more at once', async () => {
    const admission = new Admission('test', { concurrency: 1, queue: 1 });
    const first = held();
    const second = held();
    const running = admission.run(first.work);
    await first.started;
    const waiting = admission.run(second.work);
    await expect(admission.run(async () => 'never')).rejects.toMatchObject({ extensions: { code: 'TRY_AGAIN', retryAfterSeconds: 1 } });
    first.finish();
    await expect(running).resolves.toBe('done');
    await second.started;
    second.finish();
    await expect(waiting).resolves.toBe('done');
    // Both turns are given back: the next one runs at once.
    await expect(admission.run(async () => 'again')).resolves.toBe('again');
  });

  it("refuses, without running it, work whose request's deadline has passed", async () => {
    const admission = new Admission('test', { concurrency: 1, queue: 1 });
    let ran = false;
    const refused = withRequestId('late', () => {
      setRequestDeadline(Date.now() - 1);
      return admission.run(async () => {
        ran = true;
      });
    });
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'TRY_AGAIN' } });
    expect(ran).toBe(false);
  });

  it('lets a queued request leave the queue, refused, when its deadline comes before its turn', async () => {
    const admission = new Admission('test', { concurrency: 1, queue: 1 });
    const first = held();
    const running = admission.run(first.work);
    await first.started;
    const queued = withRequestId('queued', () => {
      setRequestDeadline(Date.now() + 20);
      return admission.run(async () => 'too late');
    });
    const error = await queued.catch((e: unknown) => e);
    expect(code(error)).toBe('TRY_AGAIN');
    // It left the queue: another can wait in its place.
    const next = admission.run(async () => 'next');
    first.finish();
    await expect(running).resolves.toBe('done');
    await expect(next).resolves.toBe('next');
  });
});
