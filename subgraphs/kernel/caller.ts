import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who is calling, as verified by the gateway and forwarded to subgraphs in a
 * signed header. Subgraphs never see raw client tokens; a header that does not
 * carry a valid signature from the gateway's INTERNAL_SECRET is refused, so a
 * client calling a subgraph directly cannot forge an identity.
 */

/** Roles a user can hold (and an access token can carry). */
export const USER_ROLES = ['CUSTOMER', 'AGENT', 'ADMIN'] as const;
/**
 * SERVICE marks a subgraph calling another subgraph's internal operations.
 * It only ever travels in the signed caller header, never in a user's token.
 */
export const ROLES = [...USER_ROLES, 'SERVICE'] as const;
export type RoleName = (typeof ROLES)[number];
export type UserRoleName = (typeof USER_ROLES)[number];

export interface Caller {
  readonly userId: string;
  readonly roles: readonly RoleName[];
  /** Session id of the refresh-token family; lets users revoke sessions. */
  readonly sessionId: string | null;
}

export const CALLER_HEADER = 'x-shop-caller';

/** Short on purpose: a captured header is useless a minute later. */
const HEADER_LIFETIME_MS = 60_000;

interface SignedCaller extends Caller {
  readonly exp: number;
}

export function signCallerHeader(caller: Caller, secret: string, now: number = Date.now()): string {
  const body: SignedCaller = { ...caller, exp: now + HEADER_LIFETIME_MS };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export type CallerHeaderResult = { ok: true; caller: Caller | null } | { ok: false; reason: string };

/** Absent header: anonymous. Present but not valid: refused (never anonymous). */
export function verifyCallerHeader(header: string | undefined, secret: string, now: number = Date.now()): CallerHeaderResult {
  if (header === undefined || header === '') return { ok: true, caller: null };
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed caller header' };
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'caller header signature is invalid' };
  }
  let body: SignedCaller;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedCaller;
  } catch {
    return { ok: false, reason: 'malformed caller header' };
  }
  if (typeof body.exp !== 'number' || body.exp < now) return { ok: false, reason: 'caller header expired' };
  if (typeof body.userId !== 'string' || !Array.isArray(body.roles)) return { ok: false, reason: 'malformed caller header' };
  const roles = body.roles.filter((role): role is RoleName => (ROLES as readonly string[]).includes(role));
  return { ok: true, caller: { userId: body.userId, roles, sessionId: body.sessionId ?? null } };
}

export function hasRole(caller: Caller | null, ...roles: RoleName[]): boolean {
  return caller !== null && caller.roles.some((role) => roles.includes(role));
}

/** Agents and admins act on everyone's orders, stock and catalog. */
export function isStaff(caller: Caller | null): boolean {
  return hasRole(caller, 'AGENT', 'ADMIN');
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
