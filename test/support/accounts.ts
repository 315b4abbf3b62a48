/**
 * Helpers for tests that sign users in. Stacks started with
 * TRUST_PROXY_HOPS=1 take the client address from X-Forwarded-For, so each
 * test can be its own client and one test's failed logins never throttle
 * another's.
 */

let lastAddress = 0;

export function newClient(userAgent = 'jest'): { headers: Record<string, string> } {
  lastAddress += 1;
  return { headers: { 'x-forwarded-for': `203.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`, 'user-agent': userAgent } };
}

let lastEmail = 0;

export function newEmail(): string {
  lastEmail += 1;
  return `user${lastEmail}.${Date.now()}@shop.test`;
}

/** The claims of a JWT, unverified (tests inspect tokens the server issued). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
