/**
 * Users' events. The users subgraph writes them and its own notification
 * worker mails them; they sit here because every event is in the event map.
 */

export const USER_EVENTS = {
  /** A change to how the account signs in that its owner must hear of: `SecurityAlertPayload`. */
  securityAlert: 'user.security_alert',
} as const;

export type SecurityAlertKind = 'MFA_ENABLED' | 'MFA_DISABLED' | 'RECOVERY_CODE_USED' | 'RECOVERY_CODES_REGENERATED';

/** A type (not an interface) so it is a valid event payload. */
export type SecurityAlertPayload = {
  readonly userId: string;
  readonly alert: SecurityAlertKind;
  /** ISO-8601 time of the change. */
  readonly at: string;
  /** Sessions the change ended (all but the one it was made in). */
  readonly endedSessions: number;
  /** Recovery codes still unused after the change; null when multi-factor authentication is now off. */
  readonly recoveryCodesLeft: number | null;
  /** Where the change came from, as the gateway saw it. */
  readonly clientAddress: string | null;
  readonly userAgent: string | null;
};

/**
 * Users' internal operations (SERVICE callers only, `@inaccessible`):
 * - userIdsMatching(search, limit): ids of users whose email or name contains
 *   `search` ignoring case, at most `limit` (1 to 1001); orders' staff search
 *   (which asks for one more than it accepts, to refuse a search too broad).
 */
export const USER_IDS_MATCHING = `query UserIdsMatching($search: String!, $limit: Int!) {
  userIdsMatching(search: $search, limit: $limit)
}`;
export type UserIdsMatchingData = { readonly userIdsMatching: readonly string[] };
