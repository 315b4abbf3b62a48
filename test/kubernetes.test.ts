import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_SERVICE_PORTS, loadConfig, SERVICE_NAMES } from '../platform/config';
import { projectRoot } from '../platform/project';
import { settingNames } from './support/settings';

/**
 * deploy/kubernetes/ against the code: every environment name is a setting
 * platform/config.ts reads, the ConfigMap and Secret with each container's
 * own env start that service in production (config validates), and ports,
 * probes, Services, autoscalers and the gateway's disruption budget line up.
 */

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
interface Container {
  name: string;
  args: string[];
  ports: Array<{ name: string; containerPort: number }>;
  env?: Array<{ name: string; value: string }>;
  envFrom: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
}

const dir = path.join(projectRoot(), 'deploy', 'kubernetes');
const manifests: Manifest[] = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((doc) => doc.toJS() as Manifest))
  .filter((manifest) => manifest !== null);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const configMap = ofKind('ConfigMap').find((m) => m.metadata.name === 'shop-config')!;
const secret = ofKind('Secret').find((m) => m.metadata.name === 'shop-secrets')!;
const containerOf = (deployment: Manifest) => (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0];
const labelsOf = (deployment: Manifest) => (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
const SERVICES = ['gateway', ...SERVICE_NAMES, 'notifications'];

describe('Kubernetes manifests', () => {
  it('deploy the gateway, every subgraph and the notification worker', () => {
    expect(ofKind('Deployment').map((d) => d.metadata.name).sort()).toEqual([...SERVICES].sort());
    expect(ofKind('Service').map((s) => s.metadata.name).sort()).toEqual(['gateway', ...SERVICE_NAMES].sort());
    expect(ofKind('HorizontalPodAutoscaler').map((h) => h.metadata.name).sort()).toEqual(['gateway', ...SERVICE_NAMES].sort());
  });

  it('name only settings platform/config.ts reads', () => {
    const known = settingNames();
    expect(known.has('JWT_SECRET') && known.has('STRIPE_WEBHOOK_SECRET') && known.has('RATE_LIMIT_BURST')).toBe(true);
    const used = [
      ...Object.keys(configMap.data ?? {}),
      ...Object.keys(secret.stringData ?? {}),
      ...ofKind('Deployment').flatMap((d) => (containerOf(d).env ?? []).map((e) => e.name)),
    ];
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  describe.each(SERVICES)('%s', (name) => {
    const deployment = ofKind('Deployment').find((d) => d.metadata.name === name)!;
    const container = containerOf(deployment);
    const env = { ...configMap.data, ...secret.stringData, ...Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value])) };

    it('starts with its argument and the shared settings, which config accepts for production', () => {
      expect(container.args).toEqual([name]);
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'shop-config' } }, { secretRef: { name: 'shop-secrets' } }]);
      expect(loadConfig(env, '/app').env).toBe('production');
    });

    it('listens where config says it does, declares its METRICS_PORT, and probes /health for liveness and /ready (or /health) for readiness on that port', () => {
      const config = loadConfig(env, '/app');
      const port = name === 'gateway' ? config.gateway.port : name === 'notifications' ? config.notifications.port : config.services[name as keyof typeof DEFAULT_SERVICE_PORTS].port;
      expect(config.metrics.port).toEqual(expect.any(Number));
      expect(container.ports).toEqual([
        { name: 'http', containerPort: port },
        { name: 'metrics', containerPort: config.metrics.port },
      ]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: name === 'notifications' ? '/health' : '/ready', port: 'http' });
      expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
    });

    if (name !== 'notifications') {
      it('has a Service on its port that other services reach through their *_URL, and an autoscaler for its Deployment', () => {
        const config = loadConfig(env, '/app');
        const service = ofKind('Service').find((s) => s.metadata.name === name)!;
        const spec = service.spec as { selector: Record<string, string>; ports: Array<{ port: number; targetPort: string }> };
        expect(Object.entries(spec.selector).every(([key, value]) => labelsOf(deployment)[key] === value)).toBe(true);
        expect(spec.ports).toEqual([{ name: 'http', port: container.ports[0].containerPort, targetPort: 'http' }]);
        if (name !== 'gateway') expect(config.services[name as keyof typeof DEFAULT_SERVICE_PORTS].url).toBe(`http://${name}:${spec.ports[0].port}/graphql`);
        const hpa = ofKind('HorizontalPodAutoscaler').find((h) => h.metadata.name === name)!;
        expect(hpa.spec).toMatchObject({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: expect.any(Number), maxReplicas: expect.any(Number) });
      });
    }
  });

  it('keeps at least one gateway through voluntary disruptions, and gives pods longer than the shutdown takes', () => {
    const [budget] = ofKind('PodDisruptionBudget');
    const gateway = ofKind('Deployment').find((d) => d.metadata.name === 'gateway')!;
    expect(budget.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } });
    expect(labelsOf(gateway)['app.kubernetes.io/name']).toBe('gateway');
    const config = loadConfig({ ...configMap.data, ...secret.stringData }, '/app');
    const graceSeconds = (gateway.spec as { template: { spec: { terminationGracePeriodSeconds: number } } }).template.spec.terminationGracePeriodSeconds;
    // main.ts exits at most 5 s after drain + grace.
    expect(graceSeconds * 1000).toBeGreaterThan(config.shutdown.drainMs + config.shutdown.graceMs + 5_000);
  });
});

describe('docker-compose.yml', () => {
  interface ComposeService {
    command?: string[];
    environment?: Record<string, string>;
    ports?: string[];
    stop_grace_period?: string;
    healthcheck?: { test: string[] };
  }
  const compose = parse(readFileSync(path.join(projectRoot(), 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

  it('passes only settings platform/config.ts reads', () => {
    const known = settingNames();
    const names = Object.values(compose.services).flatMap((service) => (service.command?.[0] === 'mongod' || !service.environment ? [] : Object.keys(service.environment)));
    expect(names.length).toBeGreaterThan(20);
    expect([...new Set(names)].filter((name) => !known.has(name))).toEqual([]);
  });

  it('runs MongoDB as a one-node replica set, which every service names, so transactions work', () => {
    expect(compose.services.mongo.command).toEqual(['mongod', '--replSet', 'rs0', '--bind_ip_all']);
    for (const name of ['gateway', ...SERVICE_NAMES, 'notifications']) expect(compose.services[name].environment?.MONGODB_URL).toBe('mongodb://mongo:27017/?replicaSet=rs0');
  });

  it('gives every service longer to stop than its shutdown takes, so SIGKILL never cuts a drain', () => {
    const secret = 'c'.repeat(40);
    // The shutdown settings are not set here, so the production defaults apply.
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_SECRET: secret }, '/app');
    for (const name of SERVICES) {
      const service = compose.services[name];
      expect(Object.keys(service.environment ?? {}).filter((key) => key.startsWith('SHUTDOWN_'))).toEqual([]);
      const seconds = Number(/^(\d+)s$/.exec(service.stop_grace_period ?? '')?.[1]);
      // main.ts exits at most 5 s after drain + grace.
      expect([name, seconds * 1000 > config.shutdown.drainMs + config.shutdown.graceMs + 5_000]).toEqual([name, true]);
    }
  });

  it('checks each service\'s readiness on its own port: /ready, /health for the notification worker, which has no other', () => {
    for (const name of SERVICES) {
      const service = compose.services[name];
      const portVariable = name === 'gateway' ? 'PORT' : `${name.toUpperCase()}_PORT`;
      const probe = /fetch\('http:\/\/127\.0\.0\.1:(\d+)(\/\w+)'\)/.exec(service.healthcheck?.test.join(' ') ?? '');
      expect([name, probe?.[1], probe?.[2]]).toEqual([name, service.environment?.[portVariable], name === 'notifications' ? '/health' : '/ready']);
    }
  });

  it('publishes only the gateway, which takes the Stripe webhook', () => {
    expect(Object.entries(compose.services).filter(([, service]) => service.ports).map(([name, service]) => [name, service.ports])).toEqual([['gateway', ['4000:4000']]]);
  });
});
