import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { USER_ROLES, type UserRoleName } from './caller';
import { DEFAULT_MAX_ATTEMPTS } from './messaging/event-bus';

/**
 * The one place that reads the environment. Every setting has a documented
 * default (README "Configuration"); a bad value throws a ConfigError whose
 * message is one line naming the variable and what it accepts.
 */

export const SERVICE_NAMES = ['users', 'catalog', 'inventory', 'orders', 'payments', 'reviews', 'recommendations', 'shipping', 'pricing'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const DEFAULT_SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  users: 4001,
  catalog: 4002,
  inventory: 4003,
  orders: 4004,
  payments: 4005,
  // 4006 is the notifications process; 4007 is left to another new service.
  reviews: 4008,
  recommendations: 4009,
  shipping: 4010,
  pricing: 4011,
};

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFormat = 'json' | 'pretty';
export type NotificationsMode = 'inline' | 'off';
export type ReviewModeration = 'immediate' | 'approval';

export interface ServiceEndpoint {
  /** Port the service listens on when started by this process. */
  readonly port: number;
  /** URL the gateway calls (differs from host:port behind Docker networks). */
  readonly url: string;
}

export interface Config {
  readonly env: NodeEnv;
  readonly logLevel: LogLevel;
  /** json: one object per line (log shippers); pretty: one readable line per record. */
  readonly logFormat: LogFormat;
  /** Interface every server binds to. */
  readonly host: string;
  readonly gateway: {
    readonly port: number;
    readonly subgraphTimeoutMs: number;
    /** Keep-alive sockets the gateway holds open to each subgraph at most; further calls wait for one. */
    readonly subgraphMaxSockets: number;
    /** An idle socket to a subgraph is closed after this long: below the subgraphs' keep-alive timeout (Node's 5 s). */
    readonly subgraphIdleTimeoutMs: number;
    /** In the one-process mode: `in-process` calls the co-located subgraphs without HTTP; `http` goes over loopback as split deployments do. */
    readonly embeddedCalls: 'in-process' | 'http';
    readonly healthTimeoutMs: number;
    /**
     * Anonymous public catalogue reads answered from a cache, evicted by the
     * subgraphs' change notices (in Redis when REDIS_URL is set, shared by
     * every gateway; in the process otherwise). Null: off.
     */
    readonly responseCache: { readonly ttlMs: number; readonly maxEntries: number } | null;
    /** Operation limits, checked before any subgraph is called (gateway/limits.ts). */
    readonly limits: { readonly maxDepth: number; readonly maxFields: number; readonly maxAliases: number; readonly maxRootFields: number };
    /**
     * Reverse proxies in front of the gateway whose X-Forwarded-For entries
     * are trusted; 0 uses the socket's peer address (a client cannot spoof it).
     */
    readonly trustProxyHops: number;
    /** Ruru, the in-browser IDE, at GET /graphql (never in production). */
    readonly ide: boolean;
    /** The storefront at / and the agent console at /admin, from web/dist (gateway/web.ts). */
    readonly webApps: boolean;
    /** Stripe Elements in the storefront's payment step; null: the simulated provider's card list. */
    readonly stripeElements: StripeElementsSettings | null;
    /** Browser origins allowed over HTTP (CORS) and WebSocket (Origin check). */
    readonly cors: CorsSettings;
    /** Requests one API key may make per minute (all gateways together when Redis is set); more get 429. */
    readonly apiKeyRequestsPerMinute: number;
    /** Persisted operations (gateway/persisted.ts): the manifest codegen writes, and whether only its operations run. */
    readonly persisted: { readonly manifest: string; readonly safelist: boolean };
    /** Token bucket per client (gateway/rate-limit.ts); an operation costs the fields it selects. */
    readonly rateLimit: RateLimitSettings;
  };
  /** What every GraphQL endpoint, the gateway's and each subgraph's, accepts. */
  readonly graphql: {
    /** `__schema` and `__type` answered; off by default in production. */
    readonly introspection: boolean;
    /** The parser refuses a document of more tokens (graphql-js `maxTokens`) before building it. */
    readonly maxTokens: number;
    /** Largest request body; a bigger one is answered 413. */
    readonly maxRequestBytes: number;
  };
  /** graphql-ws on the gateway's /graphql path. */
  readonly subscriptions: {
    readonly initTimeoutMs: number;
    readonly keepAliveMs: number;
    readonly maxPerConnection: number;
    readonly maxConnectionsPerAddress: number;
    readonly maxMessageBytes: number;
    /** Federated fetches the subscription engine runs at once (the rest queue). */
    readonly maxConcurrentFetches: number;
    /** Entities one subscription may follow (the ids of `stockLevelChanged(productIds:)`). */
    readonly maxIdsPerSubscription: number;
  };
  readonly services: Readonly<Record<ServiceName, ServiceEndpoint>>;
  /** Prometheus metrics (platform/metrics.ts). */
  readonly metrics: {
    /** Set: /metrics on this port only in production (keep it off the public network). */
    readonly port: number | null;
    /** Set: /metrics on the public ports too, for `Authorization: Bearer <token>`. */
    readonly token: string | null;
  };
  /** What a process does on SIGTERM (main.ts). */
  readonly shutdown: {
    /** Time between turning not-ready and closing the listeners, so load balancers stop sending traffic first. */
    readonly drainMs: number;
    /** Time requests already running get to finish once the listeners closed; then connections are cut. */
    readonly graceMs: number;
  };
  readonly dataDir: string;
  /** Set: MongoDB for every subgraph (one database each). Unset: SQLite files in dataDir. */
  readonly mongo: { readonly url: string; readonly dbPrefix: string } | null;
  /** Set: Redis pub/sub and Redis Streams event bus. Unset: in-process adapters. */
  readonly redis: { readonly url: string; readonly prefix: string } | null;
  readonly auth: {
    /** HS256 key for access tokens (issued by users, verified by the gateway). */
    readonly jwtSecret: string;
    /** HMAC key for the caller header the gateway forwards to subgraphs. */
    readonly internalSecret: string;
    /**
     * Keys a token or caller header may be signed with: the current secret,
     * then JWT_SECRET_PREVIOUS / INTERNAL_SECRET_PREVIOUS while a rotation
     * rolls out (signing always uses the current one).
     */
    readonly jwtVerifyKeys: readonly string[];
    readonly internalVerifyKeys: readonly string[];
    /** True when the secrets were generated at start (development only). */
    readonly ephemeralSecrets: boolean;
    readonly accessTokenTtlSeconds: number;
    /** A session (refresh-token family) unused this long ends. */
    readonly sessionIdleDays: number;
    readonly mfa: MfaConfig;
  };
  readonly admin: { readonly email: string; readonly password: string } | null;
  readonly seedDemo: boolean;
  readonly payments: PaymentsConfig;
  /** Open payments are read again from their provider, in case its webhook never arrived. */
  readonly paymentChecks: {
    /** A payment still open this long after its last change is checked (at most once per this period). */
    readonly staleAfterSeconds: number;
    /** How often each payments process looks for such payments. */
    readonly intervalMs: number;
  };
  readonly outbox: {
    /** Published events are kept this long (to inspect what went out), then pruned. */
    readonly retentionHours: number;
  };
  /** OpenTelemetry traces (platform/tracing.ts); off unless an endpoint is set. */
  readonly tracing: {
    /** OTLP/HTTP collector base URL (spans go to `<endpoint>/v1/traces`); null: tracing off. */
    readonly endpoint: string | null;
    /** Share of new traces recorded (0 to 1); a caller's sampled `traceparent` is always followed. */
    readonly sampleRatio: number;
  };
  /**
   * Copies of catalog facts other services keep (orders: variants and
   * prices; notifications: product names), dropped at once by catalog's
   * change notices; `maxAgeMs` bounds only a lost notice, 0 turns them off.
   */
  readonly catalogCopy: { readonly maxAgeMs: number; readonly maxEntries: number };
  readonly events: {
    /** Tries per event and consumer group before the event is parked as a dead letter. */
    readonly maxAttempts: number;
  };
  readonly inventory: {
    /** An unpaid reservation holds stock this long, then the sweeper releases it. */
    readonly reservationTtlSeconds: number;
    /** How often each inventory process looks for expired reservations. */
    readonly reservationSweepIntervalMs: number;
    /** Reservations that may wait for the next group commit; one more is refused at once with TRY_AGAIN. */
    readonly reservationQueue: number;
  };
  readonly orders: {
    /** A placement still PENDING this long after it began is presumed dead (crashed mid-saga) and compensated. */
    readonly placementTimeoutSeconds: number;
    /** How often each orders process looks for such placements. */
    readonly placementSweepIntervalMs: number;
    /** Placements one orders process runs at once; more wait in a queue. */
    readonly placementConcurrency: number;
    /** Placements that may wait for a turn; one more is refused at once with TRY_AGAIN. */
    readonly placementQueue: number;
    /**
     * The longest orders prices from its copy of pricing's rules without
     * having read them again (a change announced to another orders process
     * reaches this one by then); past it the copy is refreshed, and an order
     * is priced by pricing until it is.
     */
    readonly priceCopyMaxAgeMs: number;
    /**
     * How long a variant inventory found with nothing available is refused
     * without asking it again; its next stock change clears it at once, so
     * this bounds only a lost notice. 0 asks inventory every time.
     */
    readonly soldOutMemoMs: number;
  };
  readonly reviews: {
    /** immediate: a review passing the filter is published at once; approval: every review waits for staff. */
    readonly moderation: ReviewModeration;
    /** Words (lower case) that hold a review for moderation, besides links (README "Reviews"). */
    readonly blockedWords: readonly string[];
  };
  /** Webhooks out to partners (catalog's webhook module). */
  readonly webhooks: {
    /** Pause before the first retry of a failed delivery; each later one doubles, up to `retryMaxMs`. */
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    /** Tries per delivery before it is marked FAILED (an admin can redeliver it). */
    readonly maxAttempts: number;
    /** How long an endpoint has to answer one delivery. */
    readonly timeoutMs: number;
    /** How often each catalog process looks for deliveries due. */
    readonly dispatchIntervalMs: number;
    /** Endpoints on loopback, private or link-local addresses, or over plain http, are accepted (never in production by default). */
    readonly allowPrivateUrls: boolean;
    /**
     * Key material for the signing secrets' encryption at rest, current
     * first, then one still read during a rotation: WEBHOOK_ENCRYPTION_KEY,
     * or INTERNAL_SECRET when that is unset (catalog derives the keys with HKDF).
     */
    readonly keySources: readonly string[];
  };
  readonly shipping: ShippingConfig;
  readonly recommendations: {
    /** A purchase or view counts half as much for trending after this long. */
    readonly trendingHalfLifeHours: number;
    /** recordProductView calls one viewer may make per minute; more are refused. */
    readonly viewsPerMinute: number;
  };
  /** Emails to customers and admins, sent by the users domain's notification worker. */
  readonly notifications: {
    /** inline: the users service runs the worker; off: it does not (a separate `notifications` process does). */
    readonly mode: NotificationsMode;
    /** Port of the separate `notifications` process (GET /health only). */
    readonly port: number;
    /** Set: mail goes out over SMTP. Unset: each mail is written as an .eml file in `outboxDir`. */
    readonly smtpUrl: string | null;
    readonly outboxDir: string;
    /** From header of every mail: "Name <address>" or a bare address. */
    readonly mailFrom: string;
  };
}

export interface CorsSettings {
  /** Listed origins (`https://shop.example`), or '*' for any. */
  readonly origins: readonly string[] | '*';
  /** Any http(s) origin on localhost, 127.0.0.1 or [::1] as well (the default in development and test). */
  readonly allowLocalhost: boolean;
  /** Send Access-Control-Allow-Credentials (cookies, client certificates); tokens in headers do not need it. */
  readonly credentials: boolean;
  /** How long a browser may cache a preflight answer. */
  readonly maxAgeSeconds: number;
}

/** Multi-factor authentication (TOTP) in the users subgraph; the step-up age is checked wherever a sensitive operation runs. */
export interface MfaConfig {
  /** Accounts holding one of these roles use no staff role (AGENT, ADMIN) in a session that has not proved a second factor. */
  readonly requiredRoles: readonly UserRoleName[];
  /** How recent a session's last code must be for granting roles, refunds and changing an email. */
  readonly stepUpSeconds: number;
  /** How long the challenge a password step hands out stays usable. */
  readonly challengeTtlSeconds: number;
  /** Issuer shown in authenticator apps (the otpauth:// URI's issuer). */
  readonly issuer: string;
  /**
   * Key material for the TOTP secrets' encryption at rest, current first,
   * then one still read during a rotation: MFA_ENCRYPTION_KEY, or
   * INTERNAL_SECRET when that is unset (the users subgraph derives the
   * actual keys with HKDF).
   */
  readonly keySources: readonly string[];
}

export type CarrierName = 'simulated' | 'easypost';
export type LabelFormat = 'PDF' | 'ZPL';

export interface ShippingConfig {
  /** The carrier labels are bought from; null in production until one is chosen (labels are then refused, nothing else). */
  readonly carrier: CarrierName | null;
  readonly labelFormat: LabelFormat;
  /** How often labels the carrier could not sell are retried (each after its backoff) and polled carriers are asked for tracking. */
  readonly retryIntervalMs: number;
  /** Days after its delivery during which a customer may ask to return a line. */
  readonly returnWindowDays: number;
  /** Signs the simulated carrier's tracking webhooks (generated per process outside production). */
  readonly simulatedWebhookSecret: string;
  /** Set when the carrier is EasyPost. */
  readonly easypost: { readonly apiKey: string; readonly webhookSecret: string; readonly apiUrl: string } | null;
}

export type PaymentProviderName = 'simulated' | 'stripe';

export interface StripeSettings {
  /** Secret API key (`sk_...`, or a restricted `rk_...`). */
  readonly secretKey: string;
  /** Signing secret of the webhook endpoint (`whsec_...`): events without its signature are refused. */
  readonly webhookSecret: string;
  /** Where the SDK sends API calls instead of api.stripe.com (tests, local mocks); null: Stripe itself. */
  readonly api: { readonly protocol: 'http' | 'https'; readonly host: string; readonly port: number } | null;
}

/** What the storefront needs to take card details with Stripe.js (given to it at run time by the gateway). */
export interface StripeElementsSettings {
  /** `pk_test_...` or `pk_live_...`, of the same mode as STRIPE_SECRET_KEY. */
  readonly publishableKey: string;
  /** Where the page loads Stripe.js from: Stripe's own address, or a stand-in under test. */
  readonly jsUrl: string;
}

export interface PaymentsConfig {
  /**
   * The provider new payments are made with. Null in production when neither
   * Stripe nor PAYMENT_PROVIDER=simulated is configured: payments then
   * refuses to start rather than let test card numbers pay for goods.
   */
  readonly provider: PaymentProviderName | null;
  /** Set when the provider is Stripe. */
  readonly stripe: StripeSettings | null;
}

export interface RateLimitSettings {
  readonly enabled: boolean;
  /** Tokens (fields) a client may spend at once. */
  readonly burst: number;
  /** Tokens (fields) a client's bucket regains per second. */
  readonly perSecond: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The development settings file, read from the working directory. */
export const DOTENV_FILE = '.env';

/**
 * `env` with the settings of a `.env` file in `cwd` added (development and
 * tests only): a variable set in the real environment wins over the file.
 * Production takes its settings from its environment alone (NODE_ENV=production
 * there skips the file), and a `.env` cannot switch a process to production.
 */
export function withDotEnv(env: Env, cwd: string): Env {
  if (env.NODE_ENV?.trim() === 'production') return env;
  let text: string;
  try {
    text = readFileSync(path.join(cwd, DOTENV_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new ConfigError(`${DOTENV_FILE} cannot be read: ${(error as Error).message}`);
  }
  const fromFile = parseEnv(text);
  if (fromFile.NODE_ENV?.trim() === 'production') {
    throw new ConfigError(`${DOTENV_FILE} sets NODE_ENV=production; production reads its settings from the environment, not from ${DOTENV_FILE}`);
  }
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return merged;
}

/** Reads and validates the whole configuration once. Pure apart from `env`. */
/** What the catalog import/export command line (`npm run catalog`) reads: where the gateway is and whose token it acts with. */
export interface CatalogCliConfig {
  /** The gateway's GraphQL endpoint. */
  readonly gatewayUrl: string;
  /** A staff member's access token or an API key; the feed is audited as them. */
  readonly token: string | null;
}

export function loadCatalogCliConfig(env: Env = process.env): CatalogCliConfig {
  const read = new EnvReader(env);
  return { gatewayUrl: read.url('SHOP_GATEWAY_URL', `http://127.0.0.1:${read.port('PORT', 4000)}/graphql`), token: read.optionalString('SHOP_TOKEN') ?? null };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const host = read.string('HOST', '127.0.0.1');

  const services = {} as Record<ServiceName, ServiceEndpoint>;
  for (const name of SERVICE_NAMES) {
    const upper = name.toUpperCase();
    const port = read.port(`${upper}_PORT`, DEFAULT_SERVICE_PORTS[name]);
    const url = read.url(`${upper}_URL`, `http://127.0.0.1:${port}/graphql`);
    services[name] = { port, url };
  }

  const dataDir = path.resolve(cwd, read.string('DATA_DIR', 'data'));
  const mongoUrl = read.optionalUrl('MONGODB_URL', ['mongodb:', 'mongodb+srv:']);
  const redisUrl = read.optionalUrl('REDIS_URL', ['redis:', 'rediss:']);
  // A prefix is required with Redis so two deployments sharing a server cannot cross-talk.
  const redisPrefix = redisUrl ? read.requiredPattern('REDIS_PREFIX', /^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits, _ . : - (1-64)') : null;

  const jwtSecret = read.secret('JWT_SECRET', production);
  const internalSecret = read.secret('INTERNAL_SECRET', production);

  const adminEmail = read.optionalString('ADMIN_EMAIL');
  const adminPassword = read.optionalString('ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together (or neither)');
  }
  // The same rules registration applies, so the first admin is not the weakest account.
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError(`ADMIN_EMAIL="${adminEmail}" is not an email address`);
  }
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 10 characters');
  }

  const payments = readPayments(read, production);

  return {
    env: nodeEnv,
    logLevel: read.oneOf('LOG_LEVEL', ['error', 'warn', 'info', 'debug'] as const, 'info'),
    logFormat: read.oneOf('LOG_FORMAT', ['json', 'pretty'] as const, nodeEnv === 'development' ? 'pretty' : 'json'),
    host,
    gateway: {
      port: read.port('PORT', 4000),
      subgraphTimeoutMs: read.int('SUBGRAPH_TIMEOUT_MS', 10_000, 50, 300_000),
      subgraphMaxSockets: read.int('SUBGRAPH_MAX_SOCKETS', 64, 1, 4_096),
      subgraphIdleTimeoutMs: read.int('SUBGRAPH_IDLE_TIMEOUT_MS', 4_000, 100, 4_900),
      embeddedCalls: read.oneOf('EMBEDDED_SUBGRAPH_CALLS', ['in-process', 'http'] as const, 'in-process'),
      healthTimeoutMs: read.int('HEALTH_TIMEOUT_MS', 2_000, 50, 60_000),
      responseCache: read.bool('RESPONSE_CACHE', true)
        ? { ttlMs: read.int('RESPONSE_CACHE_TTL_SECONDS', 300, 1, 86_400) * 1_000, maxEntries: read.int('RESPONSE_CACHE_MAX_ENTRIES', 10_000, 1, 10_000_000) }
        : null,
      limits: {
        maxDepth: read.int('MAX_QUERY_DEPTH', 12, 2, 100),
        maxFields: read.int('MAX_QUERY_FIELDS', 1_000, 10, 100_000),
        maxAliases: read.int('MAX_QUERY_ALIASES', 30, 0, 10_000),
        maxRootFields: read.int('MAX_QUERY_ROOT_FIELDS', 20, 1, 1_000),
      },
      trustProxyHops: read.int('TRUST_PROXY_HOPS', 0, 0, 10),
      ide: readIde(read, nodeEnv),
      webApps: read.bool('WEB_APPS', true),
      stripeElements: readStripeElements(read, production, payments),
      cors: readCors(read, production),
      apiKeyRequestsPerMinute: read.int('API_KEY_REQUESTS_PER_MINUTE', 600, 1, 1_000_000),
      persisted: {
        manifest: path.resolve(cwd, read.string('PERSISTED_OPERATIONS_FILE', 'client/__generated__/persisted-documents.json')),
        safelist: read.bool('SAFELIST', false),
      },
      rateLimit: {
        // Off under test by default: a test suite's many operations all come from 127.0.0.1.
        enabled: read.bool('RATE_LIMIT', nodeEnv !== 'test'),
        burst: read.int('RATE_LIMIT_BURST', 5_000, 10, 10_000_000),
        perSecond: read.int('RATE_LIMIT_PER_SECOND', 500, 1, 10_000_000),
      },
    },
    graphql: {
      introspection: read.bool('INTROSPECTION', !production),
      maxTokens: read.int('MAX_QUERY_TOKENS', 15_000, 100, 1_000_000),
      // The largest legal request, a 500-item upsertProducts with every field at its longest, is about 52 MiB.
      maxRequestBytes: read.int('MAX_REQUEST_BYTES', 64 * 1_048_576, 1_024, 1_073_741_824),
    },
    subscriptions: {
      initTimeoutMs: read.int('WS_INIT_TIMEOUT_MS', 5_000, 100, 60_000),
      keepAliveMs: read.int('WS_KEEPALIVE_MS', 12_000, 1_000, 300_000),
      maxPerConnection: read.int('WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 100, 1, 10_000),
      maxConnectionsPerAddress: read.int('WS_MAX_CONNECTIONS_PER_ADDRESS', 100, 1, 100_000),
      maxMessageBytes: read.int('WS_MAX_MESSAGE_BYTES', 65_536, 1_024, 10_485_760),
      maxConcurrentFetches: read.int('WS_MAX_CONCURRENT_FETCHES', 16, 1, 1_000),
      maxIdsPerSubscription: read.int('WS_MAX_IDS_PER_SUBSCRIPTION', 100, 1, 10_000),
    },
    services,
    metrics: {
      port: read.optionalString('METRICS_PORT') === undefined ? null : read.int('METRICS_PORT', 0, 1, 65_535),
      token: read.optionalToken('METRICS_TOKEN'),
    },
    shutdown: {
      drainMs: read.int('SHUTDOWN_DRAIN_MS', production ? 5_000 : 0, 0, 120_000),
      graceMs: read.int('SHUTDOWN_GRACE_MS', 5_000, 0, 120_000),
    },
    dataDir,
    mongo: mongoUrl ? { url: mongoUrl, dbPrefix: read.requiredPattern('MONGODB_DB_PREFIX', /^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ - (1-32)', 'shop') } : null,
    redis: redisUrl && redisPrefix ? { url: redisUrl, prefix: redisPrefix } : null,
    auth: {
      jwtSecret: jwtSecret.value,
      internalSecret: internalSecret.value,
      jwtVerifyKeys: [jwtSecret.value, read.optionalSecret('JWT_SECRET_PREVIOUS')].filter((key) => key !== null),
      internalVerifyKeys: [internalSecret.value, read.optionalSecret('INTERNAL_SECRET_PREVIOUS')].filter((key) => key !== null),
      ephemeralSecrets: jwtSecret.generated || internalSecret.generated,
      accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
      sessionIdleDays: read.int('SESSION_IDLE_DAYS', 30, 1, 365),
      mfa: readMfa(read, internalSecret.value),
    },
    admin: adminEmail !== undefined && adminPassword !== undefined ? { email: adminEmail, password: adminPassword } : null,
    seedDemo: read.bool('SEED_DEMO', !production),
    payments,
    paymentChecks: {
      staleAfterSeconds: read.int('PAYMENT_CHECK_AFTER_SECONDS', 300, 10, 86_400),
      intervalMs: read.int('PAYMENT_CHECK_INTERVAL_MS', 60_000, 100, 3_600_000),
    },
    outbox: { retentionHours: read.int('OUTBOX_RETENTION_HOURS', 168, 1, 8_760) },
    tracing: {
      endpoint: read.optionalUrl('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']) ?? null,
      sampleRatio: read.ratio('OTEL_TRACES_SAMPLER_ARG', 1),
    },
    catalogCopy: {
      maxAgeMs: read.int('CATALOG_COPY_MAX_AGE_MS', 60_000, 0, 3_600_000),
      maxEntries: read.int('CATALOG_COPY_MAX_ENTRIES', 50_000, 1, 10_000_000),
    },
    events: { maxAttempts: read.int('EVENT_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS, 1, 10_000) },
    inventory: {
      reservationTtlSeconds: read.int('RESERVATION_TTL_SECONDS', 900, 10, 86_400),
      reservationSweepIntervalMs: read.int('RESERVATION_SWEEP_INTERVAL_MS', 5_000, 100, 3_600_000),
      reservationQueue: read.int('RESERVATION_QUEUE', 1_000, 1, 100_000),
    },
    orders: {
      placementTimeoutSeconds: read.int('ORDER_PLACEMENT_TIMEOUT_SECONDS', 120, 10, 86_400),
      placementSweepIntervalMs: read.int('ORDER_PLACEMENT_SWEEP_INTERVAL_MS', 10_000, 100, 3_600_000),
      placementConcurrency: read.int('ORDER_PLACEMENT_CONCURRENCY', 16, 1, 10_000),
      placementQueue: read.int('ORDER_PLACEMENT_QUEUE', 64, 0, 100_000),
      priceCopyMaxAgeMs: read.int('ORDER_PRICE_COPY_MAX_AGE_MS', 30_000, 1_000, 3_600_000),
      soldOutMemoMs: read.int('ORDER_SOLD_OUT_MEMO_MS', 5_000, 0, 600_000),
    },
    reviews: {
      moderation: read.oneOf('REVIEWS_MODERATION', ['immediate', 'approval'] as const, 'immediate'),
      blockedWords: read.words('REVIEWS_BLOCKED_WORDS'),
    },
    webhooks: {
      retryBaseMs: read.int('WEBHOOK_RETRY_BASE_MS', 10_000, 10, 3_600_000),
      retryMaxMs: read.int('WEBHOOK_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
      maxAttempts: read.int('WEBHOOK_MAX_ATTEMPTS', 48, 1, 1_000),
      timeoutMs: read.int('WEBHOOK_TIMEOUT_MS', 10_000, 50, 60_000),
      dispatchIntervalMs: read.int('WEBHOOK_DISPATCH_INTERVAL_MS', 1_000, 10, 60_000),
      allowPrivateUrls: read.bool('WEBHOOK_ALLOW_PRIVATE_URLS', !production),
      keySources: encryptionKeySources(read, 'WEBHOOK_ENCRYPTION_KEY', 'WEBHOOK_ENCRYPTION_KEY_PREVIOUS', internalSecret.value),
    },
    shipping: readShipping(read, production),
    recommendations: {
      trendingHalfLifeHours: read.int('TRENDING_HALF_LIFE_HOURS', 72, 1, 8_760),
      viewsPerMinute: read.int('PRODUCT_VIEWS_PER_MINUTE', 60, 1, 10_000),
    },
    notifications: {
      mode: read.oneOf('NOTIFICATIONS', ['inline', 'off'] as const, 'inline'),
      port: read.port('NOTIFICATIONS_PORT', 4006),
      smtpUrl: read.optionalUrl('SMTP_URL', ['smtp:', 'smtps:'], { credentials: true }) ?? null,
      outboxDir: path.join(dataDir, 'outbox'),
      mailFrom: read.mailbox('MAIL_FROM', 'Shop <no-reply@shop.test>'),
    },
  };
}

class EnvReader {
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  oneOf<T extends string, F extends T | null>(name: string, allowed: readonly T[], fallback: F): T | F {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigError(`${name}="${value}" is not allowed; use one of: ${allowed.join(', ')}`);
    }
    return value as T;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ConfigError(`${name}="${value}" must be an integer from ${min} to ${max}`);
    }
    return n;
  }

  /** A number from 0 to 1. */
  ratio(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) throw new ConfigError(`${name}="${value}" must be a number from 0 to 1`);
    return number;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, 0, 65_535);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    throw new ConfigError(`${name}="${value}" must be one of: true, false`);
  }

  url(name: string, fallback: string): string {
    return this.optionalUrl(name, ['http:', 'https:']) ?? fallback;
  }

  /**
   * A URL with one of `protocols`. One that may carry a password
   * (`credentials`) must name a host, and errors name the variable without
   * echoing its value.
   */
  optionalUrl(name: string, protocols: readonly string[], { credentials = false } = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const shown = credentials ? name : `${name}="${value}"`;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      const shape = credentials ? '//[user:password@]host[:port]' : '//...';
      throw new ConfigError(`${shown} is not a URL; expected ${protocols.map((p) => `${p}${shape}`).join(' or ')}`);
    }
    if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${shown} must use ${protocols.join(' or ')}`);
    if (credentials && parsed.hostname === '') throw new ConfigError(`${name} names no host`);
    return value;
  }

  /** An email address, bare or as "Display Name <address>". */
  mailbox(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    const address = /^[^<>]*<([^<>]+)>$/.exec(value)?.[1] ?? value;
    if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address)) {
      throw new ConfigError(`${name}="${value}" is not an email address; use "Name <address@example.com>" or a bare address`);
    }
    return value;
  }

  requiredPattern(name: string, pattern: RegExp, description: string, fallback?: string): string {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) throw new ConfigError(`${name} is required (${description})`);
    if (!pattern.test(value)) throw new ConfigError(`${name}="${value}" is not valid; allowed: ${description}`);
    return value;
  }

  /** A comma-separated list of words, trimmed and lower-cased; unset: none. */
  words(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const words = value.split(',').map((word) => word.trim().toLowerCase()).filter((word) => word !== '');
    const bad = words.find((word) => word.length > 50);
    if (bad !== undefined) throw new ConfigError(`${name} has "${bad}"; each word is at most 50 characters`);
    return words;
  }

  /** A comma-separated list of origins (`https://shop.example`), `*` for any, or unset (`fallback`). */
  origins(name: string, fallback: string[] | '*'): string[] | '*' {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (value === '*') return '*';
    return value.split(',').map((origin) => {
      const trimmed = origin.trim();
      let parsed: URL | null = null;
      try {
        parsed = new URL(trimmed);
      } catch {
        parsed = null;
      }
      if (!parsed || parsed.origin !== trimmed) {
        throw new ConfigError(`${name} has "${trimmed}"; expected comma-separated origins like https://shop.example (scheme, host, optional port)`);
      }
      return trimmed;
    });
  }

  /** A comma-separated list of user roles, or `none`. */
  roles(name: string, fallback: readonly UserRoleName[]): readonly UserRoleName[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (value.toLowerCase() === 'none') return [];
    return value.split(',').map((entry) => {
      const role = USER_ROLES.find((known) => known === entry.trim().toUpperCase());
      if (!role) throw new ConfigError(`${name} has "${entry.trim()}"; expected comma-separated roles from ${USER_ROLES.join(', ')}, or none`);
      return role;
    });
  }

  /** Secrets: required in production; generated per process in development. */
  secret(name: string, required: boolean): { value: string; generated: boolean } {
    const value = this.optionalSecret(name);
    if (value !== null) return { value, generated: false };
    if (required) throw new ConfigError(`${name} is required when NODE_ENV=production (at least 32 characters)`);
    return { value: randomBytes(32).toString('base64url'), generated: true };
  }

  /** A bearer token: 16 to 256 URL-safe characters, never echoed in errors. */
  optionalToken(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    if (!/^[A-Za-z0-9._~+/=-]{16,256}$/.test(value)) throw new ConfigError(`${name} must be 16 to 256 characters: letters, digits, . _ ~ + / = -`);
    return value;
  }

  optionalSecret(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
    return value;
  }
}

/** The IDE is for people exploring the API: on in development, on request in test, refused in production. */
function readIde(read: EnvReader, nodeEnv: NodeEnv): boolean {
  const ide = read.bool('IDE', nodeEnv === 'development');
  if (ide && nodeEnv === 'production') throw new ConfigError('IDE=true is not allowed when NODE_ENV=production');
  return ide;
}

/**
 * Browsers may call from the listed origins only; localhost too outside
 * production, so a local frontend works without settings. A wildcard cannot
 * be combined with credentials (any site could act as a logged-in visitor).
 */
function readCors(read: EnvReader, production: boolean): CorsSettings {
  const origins = read.origins('CORS_ORIGINS', []);
  const credentials = read.bool('CORS_CREDENTIALS', false);
  if (origins === '*' && credentials) throw new ConfigError('CORS_CREDENTIALS=true cannot be combined with CORS_ORIGINS=*; list the origins');
  return {
    origins,
    allowLocalhost: read.bool('CORS_ALLOW_LOCALHOST', !production),
    credentials,
    maxAgeSeconds: read.int('CORS_MAX_AGE_SECONDS', 600, 0, 86_400),
  };
}

/**
 * Key material for secrets stored encrypted, current first: without the
 * dedicated key they are encrypted with a key derived from INTERNAL_SECRET,
 * so a deployment needs no new secret; its rotation
 * (INTERNAL_SECRET_PREVIOUS) then rotates this key too.
 */
function encryptionKeySources(read: EnvReader, name: string, previousName: string, internalSecret: string): readonly string[] {
  const dedicated = read.optionalSecret(name);
  const previous = read.optionalSecret(previousName) ?? (dedicated === null ? read.optionalSecret('INTERNAL_SECRET_PREVIOUS') : null);
  return [dedicated ?? internalSecret, previous].filter((key) => key !== null);
}

function readMfa(read: EnvReader, internalSecret: string): MfaConfig {
  return {
    requiredRoles: read.roles('MFA_REQUIRED_ROLES', ['ADMIN']),
    stepUpSeconds: read.int('MFA_STEP_UP_SECONDS', 300, 30, 3_600),
    challengeTtlSeconds: read.int('MFA_CHALLENGE_TTL_SECONDS', 300, 30, 1_800),
    issuer: read.string('MFA_ISSUER', 'Shop'),
    keySources: encryptionKeySources(read, 'MFA_ENCRYPTION_KEY', 'MFA_ENCRYPTION_KEY_PREVIOUS', internalSecret),
  };
}

/** Stripe.js as every site loads it (Stripe forbids bundling or self-hosting it). */
export const STRIPE_JS_URL = 'https://js.stripe.com/v3/';

/**
 * Stripe Elements when STRIPE_PUBLISHABLE_KEY is set. The key must be of the
 * secret key's mode: a test publishable key with a live secret key (or the
 * reverse) makes client secrets Stripe.js cannot use, which would only show
 * at a customer's first payment. It is refused beside the simulated provider,
 * whose payments have no client secret. Both settings are read in every case,
 * so a stray value is still checked.
 */
function readStripeElements(read: EnvReader, production: boolean, payments: PaymentsConfig): StripeElementsSettings | null {
  const publishableKey = read.optionalString('STRIPE_PUBLISHABLE_KEY');
  const jsUrl = read.optionalUrl('STRIPE_JS_URL', ['http:', 'https:']);
  // A stand-in Stripe.js in production would take card numbers into a page Stripe never served.
  if (jsUrl !== undefined && production) throw new ConfigError('STRIPE_JS_URL is for tests and local mocks; it is not allowed when NODE_ENV=production');
  if (publishableKey === undefined) return null;
  const mode = /^pk_(test|live)_[A-Za-z0-9]+$/.exec(publishableKey)?.[1];
  if (!mode) throw new ConfigError('STRIPE_PUBLISHABLE_KEY is not a Stripe publishable key; expected pk_test_... or pk_live_...');
  if (payments.provider === 'simulated') throw new ConfigError('STRIPE_PUBLISHABLE_KEY needs payments through Stripe (STRIPE_SECRET_KEY, and PAYMENT_PROVIDER not simulated)');
  // Without the secret key here (a production gateway of a split deployment: payments holds it) there is nothing to compare;
  // given to payments too, the key is compared there at its start-up.
  const secretMode = payments.stripe?.secretKey.split('_')[1];
  if (secretMode !== undefined && secretMode !== mode) {
    throw new ConfigError(`STRIPE_PUBLISHABLE_KEY is a ${mode} key but STRIPE_SECRET_KEY is a ${secretMode} key; use the same mode for both`);
  }
  return { publishableKey, jsUrl: jsUrl ?? STRIPE_JS_URL };
}

/**
 * Stripe when STRIPE_SECRET_KEY is set (or PAYMENT_PROVIDER=stripe), the
 * simulated provider otherwise, except in production, where the simulator
 * runs only when PAYMENT_PROVIDER=simulated asks for it. Stripe needs the
 * webhook secret, since only signed webhooks move its payments; keys are
 * never echoed in errors.
 */
function readPayments(read: EnvReader, production: boolean): PaymentsConfig {
  const secretKey = read.optionalString('STRIPE_SECRET_KEY');
  const provider = read.oneOf('PAYMENT_PROVIDER', ['simulated', 'stripe'] as const, secretKey ? 'stripe' : production ? null : 'simulated');
  if (provider !== 'stripe') return { provider, stripe: null };
  if (secretKey === undefined) throw new ConfigError('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY (sk_test_... or sk_live_...)');
  if (!/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.test(secretKey)) {
    throw new ConfigError('STRIPE_SECRET_KEY is not a Stripe secret key; expected sk_test_..., sk_live_... or a restricted rk_... key');
  }
  const webhookSecret = read.optionalString('STRIPE_WEBHOOK_SECRET');
  if (webhookSecret === undefined) throw new ConfigError('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the endpoint\'s signing secret, whsec_...)');
  if (!/^whsec_[A-Za-z0-9+/=_-]+$/.test(webhookSecret)) throw new ConfigError('STRIPE_WEBHOOK_SECRET is not a webhook signing secret; expected whsec_...');
  const apiBase = read.optionalUrl('STRIPE_API_BASE', ['http:', 'https:']);
  // A stand-in API in production would confirm payments no bank ever saw.
  if (apiBase !== undefined && production) throw new ConfigError('STRIPE_API_BASE is for tests and local mocks; it is not allowed when NODE_ENV=production');
  let api: StripeSettings['api'] = null;
  if (apiBase !== undefined) {
    const url = new URL(apiBase);
    if (url.pathname !== '/' || url.search || url.username) throw new ConfigError(`STRIPE_API_BASE="${apiBase}" must be a bare origin such as http://127.0.0.1:12111`);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    api = { protocol, host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443 };
  }
  return { provider, stripe: { secretKey, webhookSecret, api } };
}

/**
 * The shipping carrier: the simulator by default (in production only when
 * SHIPPING_CARRIER=simulated says so: its labels ship nothing), EasyPost when EASYPOST_API_KEY is set or
 * SHIPPING_CARRIER=easypost, which then needs the webhook secret too, since
 * only signed webhooks move its shipments.
 */
function readShipping(read: EnvReader, production: boolean): ShippingConfig {
  const apiKey = read.optionalString('EASYPOST_API_KEY');
  const carrier = read.oneOf('SHIPPING_CARRIER', ['simulated', 'easypost'] as const, apiKey ? 'easypost' : production ? null : 'simulated');
  const labelFormat = read.oneOf('SHIPPING_LABEL_FORMAT', ['PDF', 'ZPL'] as const, 'PDF');
  const simulatedWebhookSecret = read.secret('SIMULATED_CARRIER_WEBHOOK_SECRET', false).value;
  const retryIntervalMs = read.int('SHIPPING_RETRY_INTERVAL_MS', 5_000, 100, 3_600_000);
  const returnWindowDays = read.int('RETURN_WINDOW_DAYS', 30, 0, 365);
  if (carrier !== 'easypost') return { carrier, labelFormat, retryIntervalMs, returnWindowDays, simulatedWebhookSecret, easypost: null };
  if (apiKey === undefined) throw new ConfigError('SHIPPING_CARRIER=easypost needs EASYPOST_API_KEY');
  const webhookSecret = read.optionalString('EASYPOST_WEBHOOK_SECRET');
  if (webhookSecret === undefined) throw new ConfigError('EASYPOST_WEBHOOK_SECRET is required with EASYPOST_API_KEY (the webhook\'s HMAC secret)');
  const apiUrl = read.url('EASYPOST_API_URL', 'https://api.easypost.com/v2');
  return { carrier, labelFormat, retryIntervalMs, returnWindowDays, simulatedWebhookSecret, easypost: { apiKey, webhookSecret, apiUrl } };
}
