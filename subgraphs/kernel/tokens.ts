import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { USER_ROLES, type Caller, type UserRoleName } from './caller';

/**
 * Access tokens: short-lived HS256 JWTs issued by the users subgraph and
 * verified once per request by the gateway. Issuer and audience are pinned and
 * only HS256 is accepted, so `alg: none` and tokens signed for another
 * purpose are refused.
 */

const ISSUER = 'shop-users';
const AUDIENCE = 'shop-supergraph';
const ALGORITHM = 'HS256';

export interface TokenSettings {
  readonly secret: string;
  readonly ttlSeconds: number;
}

export async function signAccessToken(caller: Caller, settings: TokenSettings, now: number = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ roles: [...caller.roles], sid: caller.sessionId ?? undefined })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(caller.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(accessTokenExpiresAt(settings, now) / 1000)
    .sign(keyOf(settings.secret));
}

/** When a token signed at `now` expires (ms since epoch); JWT times are whole seconds. */
export function accessTokenExpiresAt(settings: Pick<TokenSettings, 'ttlSeconds'>, now: number): number {
  return (Math.floor(now / 1000) + settings.ttlSeconds) * 1000;
}

export type TokenResult =
  | { ok: true; caller: Caller; expiresAt: number }
  | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyAccessToken(token: string, secret: string, now: number = Date.now()): Promise<TokenResult> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [ALGORITHM],
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((role): role is UserRoleName => typeof role === 'string' && (USER_ROLES as readonly string[]).includes(role))
      : [];
    return {
      ok: true,
      caller: { userId: payload.sub as string, roles, sessionId: typeof payload.sid === 'string' ? payload.sid : null },
      expiresAt: (payload.exp as number) * 1000,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
