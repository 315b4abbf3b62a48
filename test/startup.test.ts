import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../platform/project';
import { waitFor } from './support/wait-for';

/**
 * The entry point as an operator runs it: `node dist/main.js` (built by
 * `npm test` before jest runs; built here when missing).
 */
const root = projectRoot();
const main = path.join(root, 'dist', 'main.js');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<Outcome> } {
  const child = spawn(process.execPath, [main, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Outcome>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, output: () => stdout + stderr, exited };
}

const run = (args: string[], env: Record<string, string>): Promise<Outcome> => start(args, env).exited;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('starting the supergraph', () => {
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(main)) await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-startup-'));
  }, 120_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses a malformed setting with one line naming it, before opening anything', async () => {
    const result = await run([], { DATA_DIR: dataDir, PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Configuration error: PORT="abc" must be an integer from 0 to 65535\n');
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown service name', async () => {
    const result = await run(['warehouse'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Unknown service "warehouse"; use one of: all, gateway, users, catalog, inventory, orders, payments, reviews, recommendations, shipping, pricing, notifications\n');
  });

  it('names the service and port when a port is already taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const result = await run(['catalog'], { DATA_DIR: dataDir, CATALOG_PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`Start-up failed: catalog: port ${port} on 127.0.0.1 is already in use\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('stops the whole supergraph on SIGTERM, in development mode as `npm start` runs it, and exits 0', async () => {
    const names = ['PORT', 'USERS_PORT', 'CATALOG_PORT', 'INVENTORY_PORT', 'ORDERS_PORT', 'PAYMENTS_PORT', 'REVIEWS_PORT', 'RECOMMENDATIONS_PORT', 'SHIPPING_PORT', 'PRICING_PORT'];
    const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, String(await freePort())])));
    const shop = start([], { DATA_DIR: path.join(dataDir, 'sigterm'), ...ports });
    try {
      await waitFor(
        async () => {
          const response = await fetch(`http://127.0.0.1:${ports.PORT}/health`).catch(() => null);
          if (response?.status !== 200) throw new Error(`not healthy yet: ${shop.output().slice(-500)}`);
          return true;
        },
        { timeout: 60_000, interval: 200 },
      );
      shop.child.kill('SIGTERM');
      // Bounded, so a hung stop fails here and the finally still kills the process.
      const hung = new Promise<Outcome>((resolve) => setTimeout(() => resolve({ code: null, stdout: '', stderr: 'still running 20 s after SIGTERM' }), 20_000).unref());
      const outcome = await Promise.race([shop.exited, hung]);
      expect(outcome.code).toBe(0);
      // Development logs are pretty: one readable line per record.
      expect(outcome.stderr).toMatch(/INFO: shop: shutting down \{"signal":"SIGTERM"/);
      expect(outcome.stderr).not.toContain('did not finish in time');
    } finally {
      shop.child.kill('SIGKILL');
    }
  }, 90_000);

  describe('payments in production', () => {
    const production = () => ({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), INTERNAL_SECRET: 'i'.repeat(40), DATA_DIR: path.join(dataDir, 'payments') });

    it('refuses to start without a real provider, so test card names cannot pay for goods', async () => {
      const result = await run(['payments'], { ...production(), PAYMENTS_PORT: String(await freePort()) });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'Start-up failed: payments need a real provider when NODE_ENV=production: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or PAYMENT_PROVIDER=simulated to take test payments on purpose\n',
      );
    });

    it('starts with PAYMENT_PROVIDER=simulated, and says so at every start-up', async () => {
      for (let round = 1; round <= 2; round++) {
        const port = await freePort();
        const payments = start(['payments'], { ...production(), PAYMENTS_PORT: String(port), PAYMENT_PROVIDER: 'simulated' });
        try {
          await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200, { timeout: 30_000, interval: 100 });
          const warning = payments.output().split('\n').find((line) => line.includes('PAYMENT_PROVIDER=simulated in production'));
          expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 'error', service: 'payments' });
        } finally {
          payments.child.kill('SIGKILL');
          await payments.exited;
        }
      }
    }, 60_000);
  });
});
