import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, withDotEnv, type Config } from './config';
import { configErrorFor } from '../test/support/config';

/**
 * How the environment readers take a value: what counts as unset, which
 * spellings a boolean, an integer, an origin list or a mailbox accepts.
 * Each setting's own default and range: test/config.test.ts.
 */
const load = (env: Record<string, string>) => loadConfig(env, '/srv/shop');
const SECRET = 's'.repeat(32);

describe('environment readers', () => {
  it('take an empty or blank variable as unset, and trim the others', () => {
    expect(load({ HOST: '   ', PORT: '', LOG_LEVEL: ' debug ' })).toMatchObject({ host: '127.0.0.1', gateway: { port: 4000 }, logLevel: 'debug' });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['No', false],
  ])('read the boolean %s as %s', (value, expected) => {
    expect(load({ SEED_DEMO: value }).seedDemo).toBe(expected);
  });

  it('accept an integer at either end of its range, and nothing past it', () => {
    expect(load({ TRUST_PROXY_HOPS: '0' }).gateway.trustProxyHops).toBe(0);
    expect(load({ TRUST_PROXY_HOPS: '10' }).gateway.trustProxyHops).toBe(10);
    expect(configErrorFor({ TRUST_PROXY_HOPS: '11' })).toBe('TRUST_PROXY_HOPS="11" must be an integer from 0 to 10');
    expect(configErrorFor({ TRUST_PROXY_HOPS: '1e1' })).toBe('TRUST_PROXY_HOPS="1e1" must be an integer from 0 to 10');
    expect(configErrorFor({ PORT: '0x50' })).toBe('PORT="0x50" must be an integer from 0 to 65535');
  });

  it('read a word list trimmed and lower-cased, empty when unset, refusing an over-long word', () => {
    expect(load({}).reviews.blockedWords).toEqual([]);
    expect(load({ REVIEWS_BLOCKED_WORDS: ' Scam, ,KNOCKOFF ' }).reviews.blockedWords).toEqual(['scam', 'knockoff']);
    expect(configErrorFor({ REVIEWS_BLOCKED_WORDS: `ok,${'w'.repeat(51)}` })).toBe(`REVIEWS_BLOCKED_WORDS has "${'w'.repeat(51)}"; each word is at most 50 characters`);
  });

  it('read an origin list, none when unset, or any origin for *', () => {
    expect(load({}).gateway.cors.origins).toEqual([]);
    expect(load({ CORS_ORIGINS: '*' }).gateway.cors.origins).toBe('*');
    expect(load({ CORS_ORIGINS: 'https://shop.example, http://localhost:5173' }).gateway.cors.origins).toEqual(['https://shop.example', 'http://localhost:5173']);
  });

  it.each(['https://shop.example/', 'https://shop.example/app', 'shop.example'])('refuse %s as an origin', (origin) => {
    expect(configErrorFor({ CORS_ORIGINS: `https://ok.example,${origin}` })).toBe(
      `CORS_ORIGINS has "${origin}"; expected comma-separated origins like https://shop.example (scheme, host, optional port)`,
    );
  });

  it('read a mailbox bare or with a display name', () => {
    expect(load({ MAIL_FROM: 'orders@shop.example' }).notifications.mailFrom).toBe('orders@shop.example');
    expect(load({ MAIL_FROM: 'Shop Orders <orders@shop.example>' }).notifications.mailFrom).toBe('Shop Orders <orders@shop.example>');
    expect(configErrorFor({ MAIL_FROM: 'Shop <orders@shop>' })).toContain('MAIL_FROM="Shop <orders@shop>" is not an email address');
  });

  it('name a URL that may carry a password without echoing it, and require its host', () => {
    expect(configErrorFor({ SMTP_URL: 'smtps://mailer:hunter2@' })).toBe('SMTP_URL is not a URL; expected smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port]');
    expect(configErrorFor({ SMTP_URL: 'smtp:hunter2' })).toBe('SMTP_URL names no host');
  });

  it('echo a URL without credentials, to show what is wrong with it', () => {
    expect(configErrorFor({ ORDERS_URL: 'orders:4004' })).toBe('ORDERS_URL="orders:4004" must use http: or https:');
    expect(configErrorFor({ ORDERS_URL: '//orders' })).toBe('ORDERS_URL="//orders" is not a URL; expected http://... or https://...');
  });

  it('take a pattern-checked value or its default', () => {
    const env = { MONGODB_URL: 'mongodb://mongo:27017' };
    expect(load(env).mongo?.dbPrefix).toBe('shop');
    expect(load({ ...env, MONGODB_DB_PREFIX: 'eu_1' }).mongo?.dbPrefix).toBe('eu_1');
    expect(configErrorFor({ ...env, MONGODB_DB_PREFIX: 'eu.1' })).toBe('MONGODB_DB_PREFIX="eu.1" is not valid; allowed: letters, digits, _ - (1-32)');
  });

  it('read a role list case-insensitively, or none, and name a role they do not know', () => {
    expect(load({}).auth.mfa.requiredRoles).toEqual(['ADMIN']);
    expect(load({ MFA_REQUIRED_ROLES: 'agent, ADMIN' }).auth.mfa.requiredRoles).toEqual(['AGENT', 'ADMIN']);
    expect(load({ MFA_REQUIRED_ROLES: 'none' }).auth.mfa.requiredRoles).toEqual([]);
    expect(configErrorFor({ MFA_REQUIRED_ROLES: 'ADMIN,ROOT' })).toBe('MFA_REQUIRED_ROLES has "ROOT"; expected comma-separated roles from CUSTOMER, AGENT, ADMIN, or none');
    expect(configErrorFor({ MFA_REQUIRED_ROLES: 'SERVICE' })).toBe('MFA_REQUIRED_ROLES has "SERVICE"; expected comma-separated roles from CUSTOMER, AGENT, ADMIN, or none');
  });

  it.each([
    ['MFA', 'MFA_ENCRYPTION_KEY', (config: Config) => config.auth.mfa.keySources],
    ['webhook signing', 'WEBHOOK_ENCRYPTION_KEY', (config: Config) => config.webhooks.keySources],
  ] as const)('take the %s key material from its own key, or INTERNAL_SECRET without one, each with the material being retired', (_what, name, keySources) => {
    const previous = 'p'.repeat(32);
    const dedicated = 'm'.repeat(32);
    expect(keySources(load({ INTERNAL_SECRET: SECRET }))).toEqual([SECRET]);
    expect(keySources(load({ INTERNAL_SECRET: SECRET, INTERNAL_SECRET_PREVIOUS: previous }))).toEqual([SECRET, previous]);
    expect(keySources(load({ INTERNAL_SECRET: SECRET, INTERNAL_SECRET_PREVIOUS: previous, [name]: dedicated }))).toEqual([dedicated]);
    expect(keySources(load({ INTERNAL_SECRET: SECRET, [name]: dedicated, [`${name}_PREVIOUS`]: SECRET }))).toEqual([dedicated, SECRET]);
    expect(configErrorFor({ [name]: 'short' })).toBe(`${name} must be at least 32 characters`);
  });

  it('verify with the current secret first, then the previous one during a rotation', () => {
    const previous = 'p'.repeat(32);
    const config = load({ JWT_SECRET: SECRET, JWT_SECRET_PREVIOUS: previous, INTERNAL_SECRET: SECRET });
    expect(config.auth.jwtVerifyKeys).toEqual([SECRET, previous]);
    expect(config.auth.internalVerifyKeys).toEqual([SECRET]);
    expect(config.auth.ephemeralSecrets).toBe(false);
  });

  it('generate a different secret per process outside production when none is set', () => {
    const [first, second] = [load({}), load({})];
    expect(first.auth.jwtSecret).toHaveLength(43);
    expect(first.auth.jwtSecret).not.toBe(second.auth.jwtSecret);
    expect(first.auth.jwtSecret).not.toBe(first.auth.internalSecret);
    expect(first.auth.ephemeralSecrets).toBe(true);
  });
});

describe('the .env file of development', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shop-dotenv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const dotEnv = (text: string) => writeFileSync(path.join(dir, '.env'), text);

  it('adds its settings, and a variable of the real environment wins over the file', () => {
    dotEnv('# local settings\nPORT=4100\nLOG_LEVEL=debug\nCORS_ORIGINS="http://app.test:3000"\n');
    const config = loadConfig(withDotEnv({ LOG_LEVEL: 'warn' }, dir), '/srv/shop');
    expect(config).toMatchObject({ gateway: { port: 4100, cors: { origins: ['http://app.test:3000'] } }, logLevel: 'warn' });
  });

  it('changes nothing when there is no file', () => {
    expect(withDotEnv({ PORT: '4100' }, dir)).toEqual({ PORT: '4100' });
  });

  it('is not read when the environment says NODE_ENV=production', () => {
    dotEnv('PORT=4100\n');
    expect(withDotEnv({ NODE_ENV: 'production' }, dir)).toEqual({ NODE_ENV: 'production' });
  });

  it('cannot switch a process to production', () => {
    dotEnv('NODE_ENV=production\n');
    expect(() => withDotEnv({}, dir)).toThrow(new ConfigError('.env sets NODE_ENV=production; production reads its settings from the environment, not from .env'));
  });

  it('passes its values through the same checks as the environment', () => {
    dotEnv('PORT=abc\n');
    expect(() => loadConfig(withDotEnv({}, dir), '/srv/shop')).toThrow('PORT="abc" must be an integer from 0 to 65535');
  });
});
