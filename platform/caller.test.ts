import { signCallerHeader, verifyCallerHeader } from './caller';

const SECRET = 'caller-test-secret-of-enough-length';
const customer = { userId: 'u-1', roles: ['CUSTOMER'] as const, sessionId: null };

describe('the deadline in the signed caller header', () => {
  it('travels with the caller, anonymous or not, and is absent when none was given', () => {
    const at = Date.now() + 5_000;
    expect(verifyCallerHeader(signCallerHeader({ ...customer, roles: [...customer.roles] }, SECRET, Date.now(), at), [SECRET])).toMatchObject({ ok: true, deadline: at });
    expect(verifyCallerHeader(signCallerHeader(null, SECRET, Date.now(), at), [SECRET])).toEqual({ ok: true, caller: null, deadline: at });
    expect(verifyCallerHeader(signCallerHeader(null, SECRET), [SECRET])).toEqual({ ok: true, caller: null, deadline: null });
  });

  it('cannot be changed by whoever holds the header: the signature covers it', () => {
    const header = signCallerHeader(null, SECRET, Date.now(), Date.now() + 1_000);
    const [payload, signature] = header.split('.');
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const stretched = Buffer.from(JSON.stringify({ ...body, deadline: Date.now() + 3_600_000 })).toString('base64url');
    expect(verifyCallerHeader(`${stretched}.${signature}`, [SECRET])).toEqual({ ok: false, reason: 'caller header signature is invalid' });
  });
});
