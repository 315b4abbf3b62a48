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
  /** When the session last proved a second factor (ms since epoch); absent or null when it has not. */
  readonly mfaAt?: number | null;
  /** Staff roles the account holds but may not use in this session until it proves a second factor (MFA_REQUIRED_ROLES). */
  readonly withheldRoles?: readonly UserRoleName[];
  /** Set when the caller is a service account's API key: subgraphs allow only the root fields its scopes open (platform/scopes.ts). */
  readonly apiKey?: ApiKeyIdentity | null;
}

/** The key a caller authenticated with; `name` is what the audit log shows. */
export interface ApiKeyIdentity {
  readonly id: string;
  /** `<service account>/<key name>`. */
  readonly name: string;
  readonly scopes: readonly string[];
}

export const CALLER_HEADER = 'x-shop-caller';

/** Short on purpose: a captured header is useless a minute later. */
const HEADER_LIFETIME_MS = 60_000;

/** What the header carries for a caller without a token. */
const ANONYMOUS = { anonymous: true } as const;

/** `null` signs an anonymous caller: subgraphs refuse requests without a signed header, anonymous ones included. */
export function signCallerHeader(caller: Caller | null, secret: string, now: number = Date.now()): string {
  return seal(caller ?? ANONYMOUS, secret, CALLER_SEAL, now);
}

export type CallerHeaderResult = { ok: true; caller: Caller | null } | { ok: false; reason: string };

/**
 * Only a header the gateway (or a peer subgraph) signed is accepted, and it
 * says whether the caller is anonymous: an absent or invalid header is
 * refused, so a subgraph port reached directly answers nothing.
 * `keys`: the current secret first, then one still accepted during a rotation.
 */
export function verifyCallerHeader(header: string | undefined, keys: readonly string[], now: number = Date.now()): CallerHeaderResult {
  if (header === undefined || header === '') return { ok: false, reason: 'no caller header (subgraphs answer the gateway only)' };
  const opened = unseal(header, keys, CALLER_SEAL, now);
  if (!opened.ok) return opened;
  const body = opened.body;
  if (body.anonymous === true) return { ok: true, caller: null };
  if (typeof body.userId !== 'string' || !Array.isArray(body.roles)) return { ok: false, reason: 'malformed caller header' };
  if (body.apiKey !== undefined && body.apiKey !== null && apiKeyIn(body.apiKey) === null) return { ok: false, reason: 'malformed caller header' };
  const roles = body.roles.filter((role): role is RoleName => (ROLES as readonly string[]).includes(role));
  return {
    ok: true,
    caller: {
      userId: body.userId,
      roles,
      sessionId: typeof body.sessionId === 'string' ? body.sessionId : null,
      mfaAt: typeof body.mfaAt === 'number' ? body.mfaAt : null,
      withheldRoles: userRolesIn(body.withheldRoles),
      apiKey: apiKeyIn(body.apiKey),
    },
  };
}

function apiKeyIn(value: unknown): ApiKeyIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, scopes } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || !Array.isArray(scopes)) return null;
  return { id, name, scopes: scopes.filter((scope): scope is string => typeof scope === 'string') };
}

/** The user roles a claim lists; anything else is dropped. */
export function userRolesIn(value: unknown): UserRoleName[] {
  return Array.isArray(value) ? value.filter((role): role is UserRoleName => typeof role === 'string' && (USER_ROLES as readonly string[]).includes(role)) : [];
}

/**
 * The end user's client as the gateway saw it (login throttling per address,
 * the session list). It travels in its own signed header, sent for anonymous
 * requests too, so a client cannot pick the address it is throttled under.
 */
export interface ClientInfo {
  /** IP address of the client (as reported by trusted proxies, see TRUST_PROXY_HOPS). */
  readonly address: string | null;
  readonly userAgent: string | null;
}

export const CLIENT_HEADER = 'x-shop-client';

export function signClientHeader(client: ClientInfo, secret: string, now: number = Date.now()): string {
  return seal(client, secret, CLIENT_SEAL, now);
}

export type ClientHeaderResult = { ok: true; client: ClientInfo | null } | { ok: false; reason: string };

/** Absent header: unknown client. Present but not valid: refused. */
export function verifyClientHeader(header: string | undefined, keys: readonly string[], now: number = Date.now()): ClientHeaderResult {
  if (header === undefined || header === '') return { ok: true, client: null };
  const opened = unseal(header, keys, CLIENT_SEAL, now);
  if (!opened.ok) return opened;
  const { address, userAgent } = opened.body;
  const optionalString = (value: unknown) => value === null || typeof value === 'string';
  if (!optionalString(address) || !optionalString(userAgent)) return { ok: false, reason: 'malformed client header' };
  return { ok: true, client: { address: address as string | null, userAgent: userAgent as string | null } };
}

export function hasRole(caller: Caller | null, ...roles: RoleName[]): boolean {
  return caller !== null && caller.roles.some((role) => roles.includes(role));
}

/** Agents and admins act on everyone's orders, stock and catalog. */
export function isStaff(caller: Caller | null): boolean {
  return hasRole(caller, 'AGENT', 'ADMIN');
}

/**
 * What a signature covers. The caller header signs its payload alone; the
 * client header prefixes a label, so one can never be replayed as the other.
 */
interface Seal {
  readonly name: string;
  readonly label: string;
}

const CALLER_SEAL: Seal = { name: 'caller header', label: '' };
const CLIENT_SEAL: Seal = { name: 'client header', label: 'client.' };

function seal(body: object, secret: string, kind: Seal, now: number): string {
  const payload = Buffer.from(JSON.stringify({ ...body, exp: now + HEADER_LIFETIME_MS })).toString('base64url');
  return `${payload}.${mac(kind.label + payload, secret)}`;
}

type Unsealed = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

function unseal(header: string, keys: readonly string[], kind: Seal, now: number): Unsealed {
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: `malformed ${kind.name}` };
  const given = Buffer.from(signature);
  const signedWith = (secret: string) => {
    const expected = Buffer.from(mac(kind.label + payload, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  if (!keys.some(signedWith)) return { ok: false, reason: `${kind.name} signature is invalid` };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: `malformed ${kind.name}` };
  }
  if (typeof body !== 'object' || body === null) return { ok: false, reason: `malformed ${kind.name}` };
  const fields = body as Record<string, unknown>;
  if (typeof fields.exp !== 'number' || fields.exp < now) return { ok: false, reason: `${kind.name} expired` };
  return { ok: true, body: fields };
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
