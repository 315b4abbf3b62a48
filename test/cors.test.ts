import { startTestStack, type TestStack } from './support/stack';

/** Real preflights and requests, as a browser on another origin sends them. */
describe('CORS at the gateway', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ env: { CORS_ORIGINS: 'https://shop.example,https://admin.shop.example', CORS_MAX_AGE_SECONDS: '900' } });
  });
  afterAll(() => t.stop());

  const preflight = (origin: string) =>
    fetch(t.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
  const post = (origin: string) =>
    fetch(t.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

  it('answers a preflight from a listed origin with the methods, headers and a cache lifetime', async () => {
    const response = await preflight('https://shop.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('content-type, authorization'));
    expect(response.headers.get('access-control-max-age')).toBe('900');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('lets a listed origin read the answer and its request id', async () => {
    const response = await post('https://admin.shop.example');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.shop.example');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after');
    expect(response.headers.get('vary')).toEqual(expect.stringContaining('Origin'));
  });

  it('gives a preflight from an unlisted origin no CORS headers at all', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual([]);
  });

  it('gives a request from an unlisted origin no CORS headers, so the browser keeps the answer from the page', async () => {
    const response = await post('https://evil.example');
    expect(corsHeaders(response)).toEqual([]);
  });

  it('allows a frontend on localhost outside production', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('does not mistake a look-alike host for localhost', async () => {
    expect(corsHeaders(await preflight('http://localhost.evil.example'))).toEqual([]);
  });
});
