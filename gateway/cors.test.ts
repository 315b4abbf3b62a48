import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { ConfigError, loadConfig, type CorsSettings } from '../platform/config';
import { applyCors, originAllowed } from './cors';

const SECRET = 'x'.repeat(32);
const production = { NODE_ENV: 'production', JWT_SECRET: SECRET, INTERNAL_SECRET: SECRET };

function exchange(settings: CorsSettings, method: string, origin: string): { answered: boolean; res: ServerResponse } {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.headers = { origin, 'access-control-request-method': 'POST' };
  const res = new ServerResponse(req);
  return { answered: applyCors(settings, req, res), res };
}

describe('CORS policy', () => {
  it('allows localhost origins by default in development but not in production', () => {
    expect(originAllowed(loadConfig({}).gateway.cors, 'http://127.0.0.1:3000')).toBe(true);
    expect(originAllowed(loadConfig({}).gateway.cors, 'http://[::1]:3000')).toBe(true);
    expect(originAllowed(loadConfig(production).gateway.cors, 'http://localhost:3000')).toBe(false);
    expect(originAllowed(loadConfig({ ...production, CORS_ORIGINS: 'https://shop.example' }).gateway.cors, 'https://shop.example')).toBe(true);
  });

  it('sends credentials only when configured, and never with a wildcard', () => {
    const withCredentials = loadConfig({ CORS_ORIGINS: 'https://shop.example', CORS_CREDENTIALS: 'true' }).gateway.cors;
    expect(exchange(withCredentials, 'OPTIONS', 'https://shop.example').res.getHeader('access-control-allow-credentials')).toBe('true');
    expect(exchange(loadConfig({}).gateway.cors, 'OPTIONS', 'http://localhost:1').res.getHeader('access-control-allow-credentials')).toBeUndefined();
    expect(() => loadConfig({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' })).toThrow(
      new ConfigError('CORS_CREDENTIALS=true cannot be combined with CORS_ORIGINS=*; list the origins'),
    );
  });

  it('answers preflights itself and lets other requests through to their route', () => {
    const settings = loadConfig({ CORS_ORIGINS: '*' }).gateway.cors;
    expect(exchange(settings, 'OPTIONS', 'https://any.example').answered).toBe(true);
    const post = exchange(settings, 'POST', 'https://any.example');
    expect(post.answered).toBe(false);
    expect(post.res.getHeader('access-control-allow-origin')).toBe('https://any.example');
  });

  it('refuses malformed origin lists with one line naming the variable', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://shop.example/app' })).toThrow(
      'CORS_ORIGINS has "https://shop.example/app"; expected comma-separated origins like https://shop.example (scheme, host, optional port)',
    );
    expect(() => loadConfig({ CORS_MAX_AGE_SECONDS: '-1' })).toThrow('CORS_MAX_AGE_SECONDS="-1" must be an integer from 0 to 86400');
  });
});
