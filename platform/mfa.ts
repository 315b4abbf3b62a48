import type { GraphQLError } from 'graphql';
import type { Caller, RoleName } from './caller';
import { appError, unauthenticated } from './errors';

/**
 * What any subgraph checks of the caller's second factor. The users
 * subgraph decides at sign-in which staff roles a session may use
 * (MFA_REQUIRED_ROLES) and records when it last proved a code; the access
 * token and the gateway's signed caller header carry both.
 */

/** The refusal of an operation needing `roles` that the caller holds but may not use before proving a second factor; null otherwise. */
export function withheldRoleRefusal(caller: Caller, roles: readonly RoleName[]): GraphQLError | null {
  const withheld = (caller.withheldRoles ?? []).filter((role) => roles.includes(role));
  if (withheld.length === 0) return null;
  return appError('FORBIDDEN', `Your role ${withheld.join(' and ')} needs multi-factor authentication in this session: enrol, or confirm a code with stepUpMfa`, {
    reason: 'MFA_ENROLLMENT_REQUIRED',
  });
}

/** Refuses unless the caller's session proved a code within `maxAgeSeconds` of `now` (granting roles, refunds, changing an email). */
export function assertStepUp(caller: Caller | null, now: Date, maxAgeSeconds: number): void {
  if (!caller) throw unauthenticated();
  const age = caller.mfaAt == null ? Infinity : now.getTime() - caller.mfaAt;
  if (age <= maxAgeSeconds * 1000) return;
  throw appError('FORBIDDEN', `This needs a code from your authenticator confirmed within the last ${maxAgeSeconds} seconds: call stepUpMfa, then retry with its access token`, {
    reason: 'STEP_UP_REQUIRED',
    maxAgeSeconds,
  });
}
