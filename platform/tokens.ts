import { SignJWT, jwtVerify, errors as joseErrors, type JWTVerifyResult } from 'jose';
import { userRolesIn, type Caller } from './caller';

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
  const mfaAt = caller.mfaAt ?? null;
  // amr (RFC 8176) and mfa_at say whether and when the session proved a second factor; step-up checks read mfa_at.
  return new SignJWT({
    roles: [...caller.roles],
    sid: caller.sessionId ?? undefined,
    amr: mfaAt === null ? ['pwd'] : ['pwd', 'otp'],
    mfa_at: mfaAt === null ? undefined : Math.floor(mfaAt / 1000),
    withheld_roles: caller.withheldRoles?.length ? [...caller.withheldRoles] : undefined,
  })
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

/** `keys`: the current secret first, then one still accepted during a rotation. */
export async function verifyAccessToken(token: string, keys: readonly string[], now: number = Date.now()): Promise<TokenResult> {
  try {
    const { payload } = await verifyWithAny(token, keys, now);
    return {
      ok: true,
      caller: {
        userId: payload.sub as string,
        roles: userRolesIn(payload.roles),
        sessionId: typeof payload.sid === 'string' ? payload.sid : null,
        mfaAt: typeof payload.mfa_at === 'number' ? payload.mfa_at * 1000 : null,
        withheldRoles: userRolesIn(payload.withheld_roles),
      },
      expiresAt: (payload.exp as number) * 1000,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
}

async function verifyWithAny(token: string, keys: readonly string[], now: number): Promise<JWTVerifyResult> {
  const options = { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM], currentDate: new Date(now), requiredClaims: ['sub', 'exp', 'iat'] };
  for (const [index, key] of keys.entries()) {
    try {
      return await jwtVerify(token, keyOf(key), options);
    } catch (error) {
      // Only a signature made with another key sends us on to the next one.
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed) || index === keys.length - 1) throw error;
    }
  }
  throw new joseErrors.JWSInvalid('no verification key');
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
