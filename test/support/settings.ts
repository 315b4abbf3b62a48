import { loadCatalogCliConfig, loadConfig } from '../../platform/config';

const SECRET = 's'.repeat(40);

/**
 * Environments that together take every branch of platform/config.ts that
 * reads a setting: the defaults, production with MongoDB, Redis, Stripe,
 * metrics and SMTP, MFA keys, and EasyPost.
 */
const ENVIRONMENTS: ReadonlyArray<Record<string, string>> = [
  {},
  {
    NODE_ENV: 'production',
    JWT_SECRET: SECRET,
    INTERNAL_SECRET: SECRET,
    MONGODB_URL: 'mongodb://mongo:27017',
    REDIS_URL: 'redis://redis:6379',
    REDIS_PREFIX: 'shop',
    STRIPE_SECRET_KEY: 'sk_test_abc',
    STRIPE_WEBHOOK_SECRET: 'whsec_abc',
    METRICS_PORT: '9464',
    SMTP_URL: 'smtp://mail:587',
    ADMIN_EMAIL: 'admin@shop.example',
    ADMIN_PASSWORD: 'a-long-admin-password',
  },
  { MFA_ENCRYPTION_KEY: SECRET, STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_API_BASE: 'http://127.0.0.1:12111' },
  { EASYPOST_API_KEY: 'EZTK_abc', EASYPOST_WEBHOOK_SECRET: 'hmac-secret' },
];

/** Every environment variable platform/config.ts reads (the services' and the catalog command line's), found by recording its reads. */
export function settingNames(): Set<string> {
  const names = new Set<string>();
  for (const values of ENVIRONMENTS) {
    const recording = new Proxy(values, {
      get(target, name) {
        if (typeof name === 'string') names.add(name);
        return target[name as string];
      },
    });
    loadConfig(recording, '/srv/shop');
    loadCatalogCliConfig(recording);
  }
  return names;
}
