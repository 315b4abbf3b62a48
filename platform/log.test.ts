import { createLogger, redact, REDACTED } from './log';
import { withRequestId } from './request-scope';

function capture(format: 'json' | 'pretty' = 'json'): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger('orders', 'info', (line) => lines.push(line), format) };
}

describe('logger', () => {
  it('writes one JSON object per line with level, time, service, message, fields and the request id', () => {
    const { lines, log } = capture();
    withRequestId('req-1', () => log.warn('order stuck', { orderId: 'o1' }));
    log.debug('not at info level');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(record).toEqual({ level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'orders', requestId: 'req-1', orderId: 'o1', message: 'order stuck' });
  });

  it('writes one readable line per record in the pretty format', () => {
    const { lines, log } = capture('pretty');
    withRequestId('req-2', () => log.info('order placed', { orderId: 'o2' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: orders: order placed \{.*"requestId":"req-2".*"orderId":"o2".*\}$/);
  });

  it('never writes passwords, tokens, card data or postal addresses', () => {
    const { lines, log } = capture();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXZhbHVl';
    log.error('request failed', {
      input: { email: 'ann@shop.test', password: 'hunter2-hunter2', newPassword: 'n3w-secret-value' },
      headers: { Authorization: `Bearer ${jwt}`, 'x-shop-caller': 'sealed-caller' },
      refresh_token: 'opaque-refresh-value',
      payment: { card: { number: '4242 4242 4242 4242', cvc: '123' }, note: 'paid with 4000-0566-5566-5556' },
      shippingAddress: { line1: '1 Main Street', postalCode: '75001' },
      error: new Error(`upstream said: token ${jwt} is bad`),
    });
    const text = lines.join('\n');
    for (const secret of ['hunter2', 'n3w-secret', jwt, 'sealed-caller', 'opaque-refresh', '4242 4242', '4000-0566', '123"', 'Main Street', '75001']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('ann@shop.test');
  });

  it('keeps what is not sensitive: ids, counts, client IPs, long numbers that are not card numbers', () => {
    expect(redact({ orderId: 'o1', count: 3, clientIp: '10.0.0.7', at: new Date(0), ms: '1732890000001', list: [1, 'two'] })).toEqual({
      orderId: 'o1',
      count: 3,
      clientIp: '10.0.0.7',
      at: new Date(0),
      ms: '1732890000001',
      list: [1, 'two'],
    });
    expect(redact({ password: { nested: 'x' }, Cookie: 'a=b' })).toEqual({ password: REDACTED, Cookie: REDACTED });
  });
});
