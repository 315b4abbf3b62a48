import { generateSync } from 'otplib';
import type { Clock } from '../../platform/clock';
import { graphql } from '../__generated__/index';
import { execute } from './graphql';

/**
 * Multi-factor authentication as a client goes through it: an
 * authenticator app's codes computed from the secret at the stack's clock.
 */

export const StartMfa = graphql(`
  mutation MfaStart($password: String!) {
    startMfaEnrollment(password: $password) { secret otpauthUri qrCodeDataUri }
  }
`);

export const ConfirmMfa = graphql(`
  mutation MfaConfirm($code: String!) {
    confirmMfaEnrollment(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }
  }
`);

export const StepUp = graphql(`
  mutation MfaStepUp($code: String!) {
    stepUpMfa(code: $code) { accessToken accessTokenExpiresAt mfaVerifiedAt recoveryCodes }
  }
`);

export const VerifyChallenge = graphql(`
  mutation MfaVerifyChallenge($challenge: String!, $code: String!) {
    verifyMfaChallenge(challenge: $challenge, code: $code) { accessToken refreshToken user { id email mfaEnabled recoveryCodesLeft } }
  }
`);

export const MfaLogin = graphql(`
  mutation MfaLogin($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken }
  }
`);

/** The code an authenticator app shows for `secret` at the clock's time, `steps` periods of 30 s later. */
export function codeAt(secret: string, clock: Clock, steps = 0): string {
  return generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + steps * 30 });
}

export interface Enrolled {
  readonly secret: string;
  readonly recoveryCodes: readonly string[];
  /** The enrolling session's new access token (it counts as verified). */
  readonly accessToken: string;
}

/** Enrols the signed-in user with `accessToken`; the clock moves past the code's step so the next code is a new one. */
export async function enrol(url: string, accessToken: string, password: string, clock: Clock & { advance(ms: number): void }, headers?: Record<string, string>): Promise<Enrolled> {
  const started = await execute(url, StartMfa, { password }, { token: accessToken, headers });
  if (!started.data) throw new Error(`startMfaEnrollment failed: ${JSON.stringify(started.errors)}`);
  const { secret } = started.data.startMfaEnrollment;
  const confirmed = await execute(url, ConfirmMfa, { code: codeAt(secret, clock) }, { token: accessToken, headers });
  if (!confirmed.data) throw new Error(`confirmMfaEnrollment failed: ${JSON.stringify(confirmed.errors)}`);
  clock.advance(30_000);
  return { secret, recoveryCodes: confirmed.data.confirmMfaEnrollment.recoveryCodes ?? [], accessToken: confirmed.data.confirmMfaEnrollment.accessToken };
}

/** Both steps of a sign-in with a code from the app; the clock moves past the code's step afterwards. */
export async function signInWithCode(
  url: string,
  credentials: { email: string; password: string },
  secret: string,
  clock: Clock & { advance(ms: number): void },
  headers?: Record<string, string>,
): Promise<{ accessToken: string; refreshToken: string }> {
  const first = await execute(url, MfaLogin, { input: credentials }, { headers });
  const challenge = first.errors?.[0]?.extensions?.challenge;
  if (typeof challenge !== 'string') throw new Error(`login asked for no code: ${JSON.stringify(first)}`);
  const second = await execute(url, VerifyChallenge, { challenge, code: codeAt(secret, clock) }, { headers });
  if (!second.data) throw new Error(`verifyMfaChallenge failed: ${JSON.stringify(second.errors)}`);
  clock.advance(30_000);
  return second.data.verifyMfaChallenge;
}
