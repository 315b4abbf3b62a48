import { completeSteps, Placement, placementSteps, undoSteps, type PlacementActions, type SagaRun, type SagaStep } from './placement.saga';

/**
 * The placement steps driven by fakes of the peers: a world holding what
 * each step took (a reservation, code uses; a payment made before placement
 * stopped making one), where every action and undo is
 * idempotent as the real ones are (by order id).
 */
class FakeWorld implements PlacementActions {
  readonly calls: string[] = [];
  reservation: 'none' | 'active' | 'released' = 'none';
  payment: 'none' | 'created' | 'cancelled' = 'none';
  /** Actions that throw, by name; `landed` ones take effect first (a call that timed out after it was applied). */
  readonly failing = new Map<keyof PlacementActions, { landed: boolean }>();

  codes: 'none' | 'reserved' | 'released' = 'none';

  quote = (): Promise<void> => this.act('quote', null, () => undefined);
  store = (): Promise<void> => this.act('store', null, () => undefined);
  price = (): Promise<void> => this.act('price', null, () => (this.codes = this.codes === 'none' ? 'reserved' : this.codes));
  unprice = (): Promise<void> => this.act('unprice', null, () => (this.codes = this.codes === 'none' ? 'none' : 'released'));
  reserve = (): Promise<void> => this.act('reserve', null, () => (this.reservation = this.reservation === 'none' ? 'active' : this.reservation));
  release = (_p: Placement, reason: string): Promise<void> => this.act('release', reason, () => (this.reservation = 'released'));
  cancelOrRefund = (_p: Placement, reason: string): Promise<void> =>
    this.act('cancelOrRefund', reason, () => (this.payment = this.payment === 'none' ? 'none' : 'cancelled'));
  awaitPayment = (): Promise<void> => this.act('awaitPayment', null, () => undefined);

  private async act(action: keyof PlacementActions, reason: string | null, effect: () => unknown): Promise<void> {
    const call = reason ? `${action} (${reason})` : action;
    this.calls.push(call);
    const failure = this.failing.get(action);
    if (failure?.landed) effect();
    if (failure) throw new Error(`${call} failed`);
    effect();
  }
}

/** The steps carry the placement along; these fakes never look at it. */
const placement = new Placement('customer-1', [{ productId: 'p-1', quantity: 1 }], null, 'lines');

function setUp() {
  const world = new FakeWorld();
  const steps = placementSteps(world);
  const failed: string[] = [];
  const run: SagaRun<Placement> = {
    done: () => false,
    failed: async (step) => {
      failed.push(step.name);
    },
  };
  return { world, steps, run, failed };
}

describe('the placement steps', () => {
  it('are quote, price, reserve, store, pay, await payment; price (its code uses), reserve and pay are undone', () => {
    const { steps } = setUp();
    expect(steps.map((step) => [step.name, step.undo !== undefined])).toEqual([
      ['quote', false],
      ['price', true],
      ['reserve', true],
      ['store', false],
      ['pay', true],
      ['await payment', false],
    ]);
  });

  it('complete in that order, making no payment: the customer makes it when paying', async () => {
    const { world, steps, run } = setUp();
    await completeSteps(steps, placement, run);
    expect(world.calls).toEqual(['quote', 'price', 'reserve', 'store', 'awaitPayment']);
    expect(world).toMatchObject({ reservation: 'active', payment: 'none' });
  });

  it('are undone last first, each of them, whether or not it ran', async () => {
    const { world, steps } = setUp();
    expect(await undoSteps(steps, placement, 'the placement did not complete in time')).toEqual([]);
    expect(world.calls).toEqual(['cancelOrRefund (the placement did not complete in time)', 'release (the placement did not complete in time)', 'unprice']);
  });

  it('stop at a failing step, which names the reason to undo them for', async () => {
    const { world, steps, run, failed } = setUp();
    world.failing.set('reserve', { landed: false });
    await expect(completeSteps(steps, placement, run)).rejects.toThrow('reserve failed');
    expect(world.calls).toEqual(['quote', 'price', 'reserve']);
    expect(failed).toEqual(['reserve']);
    expect(steps.find((step) => step.name === failed[0])?.failure).toBe('the stock could not be reserved');
  });

  it('undo everything a failure may have left, safely again and again', async () => {
    const { world, steps, run } = setUp();
    // The stock was reserved, but the answer never came back.
    world.failing.set('reserve', { landed: true });
    await expect(completeSteps(steps, placement, run)).rejects.toThrow('reserve failed');
    expect(world).toMatchObject({ reservation: 'active', payment: 'none' });

    expect(await undoSteps(steps, placement, 'the stock could not be reserved')).toEqual([]);
    expect(world).toMatchObject({ reservation: 'released', payment: 'none', codes: 'released' });
    expect(await undoSteps(steps, placement, 'the placement did not complete in time')).toEqual([]);
    expect(world).toMatchObject({ reservation: 'released', payment: 'none', codes: 'released' });
  });

  it('take back a payment made before placement stopped making one (a placement the sweep abandons)', async () => {
    const { world, steps } = setUp();
    world.payment = 'created';
    expect(await undoSteps(steps, placement, 'the placement did not complete in time')).toEqual([]);
    expect(world.payment).toBe('cancelled');
  });

  it('hold nothing when pricing refuses: no reservation was asked for, and the failure names nothing to undo', async () => {
    const { world, steps, run, failed } = setUp();
    world.failing.set('price', { landed: false });
    await expect(completeSteps(steps, placement, run)).rejects.toThrow('price failed');
    expect(world.calls).toEqual(['quote', 'price']);
    expect(failed).toEqual(['price']);
    expect(steps.find((step) => step.name === 'price')?.failure).toBeUndefined();
    expect(world).toMatchObject({ reservation: 'none', payment: 'none', codes: 'none' });
  });

  it('release the stock even while the payment cannot be closed, and report what is left', async () => {
    const { world, steps } = setUp();
    await world.reserve();
    world.failing.set('cancelOrRefund', { landed: false });
    expect(await undoSteps(steps, placement, 'the stock could not be reserved')).toEqual(['pay: cancelOrRefund (the stock could not be reserved) failed']);
    expect(world.reservation).toBe('released');
  });
});

describe('a run of saga steps', () => {
  const step = (name: string, log: string[]): SagaStep<string[]> => ({
    name,
    run: async (subject) => {
      subject.push(name);
      log.push(`run ${name}`);
    },
  });

  it('stops once the subject is done (another call completed it)', async () => {
    const log: string[] = [];
    const subject: string[] = [];
    await completeSteps([step('a', log), step('b', log), step('c', log)], subject, { done: (s) => s.includes('b'), failed: async () => undefined });
    expect(log).toEqual(['run a', 'run b']);
  });

  it('passes on the error `failed` throws instead of the step\'s', async () => {
    const failing: SagaStep<string[]> = {
      name: 'x',
      run: async () => {
        throw new Error('step error');
      },
    };
    const run: SagaRun<string[]> = {
      done: () => false,
      failed: async () => {
        throw new Error('refusal for the client');
      },
    };
    await expect(completeSteps([failing], [], run)).rejects.toThrow('refusal for the client');
  });
});
