import { loadConfig } from '../platform/config';
import { configErrorFor } from './support/config';

const SECRET = 'x'.repeat(32);

describe('configuration', () => {
  it('has safe defaults for the embedded mode', () => {
    const config = loadConfig({}, '/srv/shop');
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      gateway: { port: 4000, subgraphTimeoutMs: 10_000, trustProxyHops: 0, apiKeyRequestsPerMinute: 600 },
      dataDir: '/srv/shop/data',
      mongo: null,
      redis: null,
      admin: null,
      seedDemo: true,
      auth: {
        ephemeralSecrets: true,
        accessTokenTtlSeconds: 900,
        sessionIdleDays: 30,
        mfa: { requiredRoles: ['ADMIN'], stepUpSeconds: 300, challengeTtlSeconds: 300, issuer: 'Shop' },
      },
      outbox: { retentionHours: 168 },
      events: { maxAttempts: 3600 },
      paymentChecks: { staleAfterSeconds: 300, intervalMs: 60_000 },
    });
    expect(config.services.users).toEqual({ port: 4001, url: 'http://127.0.0.1:4001/graphql' });
    expect(config.services.payments).toEqual({ port: 4005, url: 'http://127.0.0.1:4005/graphql' });
    expect(config.services.reviews).toEqual({ port: 4008, url: 'http://127.0.0.1:4008/graphql' });
    expect(config.reviews).toEqual({ moderation: 'immediate', blockedWords: [] });
    expect(config.services.recommendations).toEqual({ port: 4009, url: 'http://127.0.0.1:4009/graphql' });
    expect(config.recommendations).toEqual({ trendingHalfLifeHours: 72, viewsPerMinute: 60 });
    expect(config.services.shipping).toEqual({ port: 4010, url: 'http://127.0.0.1:4010/graphql' });
    expect(config.services.pricing).toEqual({ port: 4011, url: 'http://127.0.0.1:4011/graphql' });
    expect(config.webhooks).toEqual({
      retryBaseMs: 10_000,
      retryMaxMs: 3_600_000,
      maxAttempts: 48,
      timeoutMs: 10_000,
      dispatchIntervalMs: 1_000,
      allowPrivateUrls: true,
      keySources: [config.auth.internalSecret],
    });
  });

  it('refuses private webhook URLs in production unless allowed', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: SECRET, INTERNAL_SECRET: SECRET };
    expect(loadConfig(production, '/srv/shop').webhooks.allowPrivateUrls).toBe(false);
    expect(loadConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }, '/srv/shop').webhooks.allowPrivateUrls).toBe(true);
  });

  it('limits each client to a bucket of 5000 fields refilled at 500 a second, except under test, and refuses limits out of range', () => {
    expect(loadConfig({}, '/srv/shop').gateway.rateLimit).toEqual({ enabled: true, burst: 5_000, perSecond: 500 });
    expect(loadConfig({ NODE_ENV: 'test' }, '/srv/shop').gateway.rateLimit.enabled).toBe(false);
    expect(loadConfig({ RATE_LIMIT_BURST: '100', RATE_LIMIT_PER_SECOND: '10' }, '/srv/shop').gateway.rateLimit).toEqual({ enabled: true, burst: 100, perSecond: 10 });
    expect(configErrorFor({ RATE_LIMIT_PER_SECOND: '0' })).toBe('RATE_LIMIT_PER_SECOND="0" must be an integer from 1 to 10000000');
    expect(configErrorFor({ RATE_LIMIT_BURST: '5' })).toBe('RATE_LIMIT_BURST="5" must be an integer from 10 to 10000000');
  });

  it('traces nothing unless an OTLP endpoint is set, and then records every new trace unless told a ratio', () => {
    expect(loadConfig({}, '/srv/shop').tracing).toEqual({ endpoint: null, sampleRatio: 1 });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_SAMPLER_ARG: '0.25' }, '/srv/shop').tracing).toEqual({ endpoint: 'http://collector:4318', sampleRatio: 0.25 });
  });

  it('reads the review moderation setting, and refuses another', () => {
    expect(loadConfig({ REVIEWS_MODERATION: 'approval' }, '/srv/shop').reviews.moderation).toBe('approval');
    expect(configErrorFor({ REVIEWS_MODERATION: 'later' })).toBe('REVIEWS_MODERATION="later" is not allowed; use one of: immediate, approval');
  });

  it('reads production settings', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        JWT_SECRET: SECRET,
        INTERNAL_SECRET: SECRET,
        MONGODB_URL: 'mongodb://mongo:27017',
        REDIS_URL: 'redis://redis:6379',
        REDIS_PREFIX: 'shop-eu',
        CATALOG_URL: 'http://catalog:4002/graphql',
        ADMIN_EMAIL: 'root@shop.test',
        ADMIN_PASSWORD: 'a long admin password',
      },
      '/srv/shop',
    );
    expect(config).toMatchObject({
      env: 'production',
      seedDemo: false,
      mongo: { url: 'mongodb://mongo:27017', dbPrefix: 'shop' },
      redis: { url: 'redis://redis:6379', prefix: 'shop-eu' },
      admin: { email: 'root@shop.test' },
      auth: { jwtSecret: SECRET, ephemeralSecrets: false },
    });
    expect(config.services.catalog.url).toBe('http://catalog:4002/graphql');
  });

  it('guards every GraphQL endpoint by default, introspection and WebSocket origins more tightly in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: SECRET, INTERNAL_SECRET: SECRET };
    expect(loadConfig({}, '/srv/shop')).toMatchObject({
      graphql: { introspection: true, maxTokens: 15_000, maxRequestBytes: 64 * 1_048_576 },
      subscriptions: { maxIdsPerSubscription: 100 },
      gateway: { cors: { origins: [], allowLocalhost: true } },
    });
    expect(loadConfig(production, '/srv/shop')).toMatchObject({ graphql: { introspection: false }, gateway: { cors: { origins: [], allowLocalhost: false } } });
    expect(loadConfig({ ...production, INTROSPECTION: 'true', CORS_ORIGINS: '*' }, '/srv/shop')).toMatchObject({
      graphql: { introspection: true },
      gateway: { cors: { origins: '*' } },
    });
    expect(loadConfig({ MAX_QUERY_TOKENS: '2000', MAX_REQUEST_BYTES: '2097152', WS_MAX_IDS_PER_SUBSCRIPTION: '10' }, '/srv/shop')).toMatchObject({
      graphql: { maxTokens: 2_000, maxRequestBytes: 2_097_152 },
      subscriptions: { maxIdsPerSubscription: 10 },
    });
  });

  it.each([
    [{ NODE_ENV: 'staging' }, 'NODE_ENV="staging" is not allowed; use one of: development, test, production'],
    [{ PORT: 'eighty' }, 'PORT="eighty" must be an integer from 0 to 65535'],
    [{ USERS_PORT: '70000' }, 'USERS_PORT="70000" must be an integer from 0 to 65535'],
    [{ SUBGRAPH_TIMEOUT_MS: '1.5' }, 'SUBGRAPH_TIMEOUT_MS="1.5" must be an integer from 50 to 300000'],
    [{ EMBEDDED_SUBGRAPH_CALLS: 'pipes' }, 'EMBEDDED_SUBGRAPH_CALLS="pipes" is not allowed; use one of: in-process, http'],
    [{ RESPONSE_CACHE_TTL_SECONDS: '0' }, 'RESPONSE_CACHE_TTL_SECONDS="0" must be an integer from 1 to 86400'],
    [{ SUBGRAPH_MAX_SOCKETS: '0' }, 'SUBGRAPH_MAX_SOCKETS="0" must be an integer from 1 to 4096'],
    [{ SUBGRAPH_IDLE_TIMEOUT_MS: '5000' }, 'SUBGRAPH_IDLE_TIMEOUT_MS="5000" must be an integer from 100 to 4900'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL="verbose" is not allowed; use one of: error, warn, info, debug'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO="maybe" must be one of: true, false'],
    [{ REDIS_URL: 'http://redis:6379' }, 'REDIS_URL="http://redis:6379" must use redis: or rediss:'],
    [{ REDIS_URL: 'redis://127.0.0.1:6379' }, 'REDIS_PREFIX is required (letters, digits, _ . : - (1-64))'],
    [{ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX="has space" is not valid; allowed: letters, digits, _ . : - (1-64)'],
    [{ MONGODB_URL: 'not a url' }, 'MONGODB_URL="not a url" is not a URL; expected mongodb://... or mongodb+srv://...'],
    [{ CATALOG_URL: 'ftp://catalog' }, 'CATALOG_URL="ftp://catalog" must use http: or https:'],
    [{ NODE_ENV: 'production', INTERNAL_SECRET: SECRET }, 'JWT_SECRET is required when NODE_ENV=production (at least 32 characters)'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    [{ JWT_SECRET_PREVIOUS: 'short' }, 'JWT_SECRET_PREVIOUS must be at least 32 characters'],
    [{ INTERNAL_SECRET_PREVIOUS: 'short' }, 'INTERNAL_SECRET_PREVIOUS must be at least 32 characters'],
    [{ ADMIN_EMAIL: 'root@shop.test' }, 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together (or neither)'],
    [{ ADMIN_EMAIL: 'root', ADMIN_PASSWORD: 'a long admin password' }, 'ADMIN_EMAIL="root" is not an email address'],
    [{ ADMIN_EMAIL: 'root@shop.test', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 10 characters'],
    [{ SESSION_IDLE_DAYS: '0' }, 'SESSION_IDLE_DAYS="0" must be an integer from 1 to 365'],
    [{ TRUST_PROXY_HOPS: '-1' }, 'TRUST_PROXY_HOPS="-1" must be an integer from 0 to 10'],
    [{ API_KEY_REQUESTS_PER_MINUTE: '0' }, 'API_KEY_REQUESTS_PER_MINUTE="0" must be an integer from 1 to 1000000'],
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, 'WEBHOOK_MAX_ATTEMPTS="0" must be an integer from 1 to 1000'],
    [{ EVENT_MAX_ATTEMPTS: '0' }, 'EVENT_MAX_ATTEMPTS="0" must be an integer from 1 to 10000'],
    [{ OUTBOX_RETENTION_HOURS: '0' }, 'OUTBOX_RETENTION_HOURS="0" must be an integer from 1 to 8760'],
    [{ PAYMENT_CHECK_AFTER_SECONDS: 'soon' }, 'PAYMENT_CHECK_AFTER_SECONDS="soon" must be an integer from 10 to 86400'],
    [{ MFA_STEP_UP_SECONDS: '10' }, 'MFA_STEP_UP_SECONDS="10" must be an integer from 30 to 3600'],
    [{ MFA_CHALLENGE_TTL_SECONDS: '3600' }, 'MFA_CHALLENGE_TTL_SECONDS="3600" must be an integer from 30 to 1800'],
    [{ MFA_REQUIRED_ROLES: 'OWNER' }, 'MFA_REQUIRED_ROLES has "OWNER"; expected comma-separated roles from CUSTOMER, AGENT, ADMIN, or none'],
    [{ MFA_ENCRYPTION_KEY_PREVIOUS: 'short' }, 'MFA_ENCRYPTION_KEY_PREVIOUS must be at least 32 characters'],
    [{ INTROSPECTION: 'on' }, 'INTROSPECTION="on" must be one of: true, false'],
    [{ MAX_QUERY_TOKENS: '10' }, 'MAX_QUERY_TOKENS="10" must be an integer from 100 to 1000000'],
    [{ MAX_REQUEST_BYTES: '1mb' }, 'MAX_REQUEST_BYTES="1mb" must be an integer from 1024 to 1073741824'],
    [{ WS_MAX_IDS_PER_SUBSCRIPTION: '0' }, 'WS_MAX_IDS_PER_SUBSCRIPTION="0" must be an integer from 1 to 10000'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318" must use http: or https:'],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG="1.5" must be a number from 0 to 1'],
    [{ OTEL_TRACES_SAMPLER_ARG: 'half' }, 'OTEL_TRACES_SAMPLER_ARG="half" must be a number from 0 to 1'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const error = configErrorFor(env);
    expect(error).toBe(message);
    expect(error).not.toContain('\n');
  });
});
