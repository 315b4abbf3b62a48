import type { MiddlewareFn } from 'type-graphql';
import { hasRole } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { forbidden, unauthenticated } from '../../platform/errors';

/**
 * Who may read a user's private fields. A request that just proved who it
 * is (register, login, refreshToken) has no caller yet, but the AuthPayload
 * it returns must show that user's own fields: those requests are recorded
 * here, for the lifetime of the request context.
 */
interface SignIn {
  readonly userIds: Set<string>;
  readonly sessionIds: Set<string>;
}

const signIns = new WeakMap<RequestContext, SignIn>();

export function recordSignIn(ctx: RequestContext, userId: string, sessionId: string): void {
  let signIn = signIns.get(ctx);
  if (!signIn) {
    signIn = { userIds: new Set(), sessionIds: new Set() };
    signIns.set(ctx, signIn);
  }
  signIn.userIds.add(userId);
  signIn.sessionIds.add(sessionId);
}

export function isSelf(ctx: RequestContext, userId: string): boolean {
  return ctx.caller?.userId === userId || (signIns.get(ctx)?.userIds.has(userId) ?? false);
}

/** The session the request runs in (its access token's `sid`), or the one it just started. */
export function isCurrentSession(ctx: RequestContext, sessionId: string): boolean {
  return ctx.caller?.sessionId === sessionId || (signIns.get(ctx)?.sessionIds.has(sessionId) ?? false);
}

/** The user themself, staff (AGENT, ADMIN) or another subgraph (SERVICE). */
export function assertSelfOrStaff(ctx: RequestContext, userId: string): void {
  if (isSelf(ctx, userId) || hasRole(ctx.caller, 'AGENT', 'ADMIN', 'SERVICE')) return;
  throw ctx.caller ? forbidden('Only the user and staff may see this') : unauthenticated();
}

export function assertSelf(ctx: RequestContext, userId: string): void {
  if (isSelf(ctx, userId)) return;
  throw ctx.caller ? forbidden('Only the user may see this') : unauthenticated();
}

/** Field guard on User: the user themself and staff. */
export const SelfOrStaff: MiddlewareFn<RequestContext> = ({ root, context }, next) => {
  assertSelfOrStaff(context, (root as { id: string }).id);
  return next();
};

/** Field guard on User: the user themself only (not even staff). */
export const SelfOnly: MiddlewareFn<RequestContext> = ({ root, context }, next) => {
  assertSelf(context, (root as { id: string }).id);
  return next();
};
