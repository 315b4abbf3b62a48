import { GraphqlClient } from './graphql';
import { LiveClient } from './live';
import { SessionStore } from './session';

/** What an app talks to the API with: its session, the HTTP client, the graphql-ws client. */
export interface AppClients {
  readonly session: SessionStore;
  /** The app sets `onSignedOut` to ask the person to sign in again when the session ends on its own. */
  readonly signedOut: { onSignedOut: () => void };
  readonly api: GraphqlClient;
  readonly live: LiveClient;
}

/**
 * One app's clients, its session kept under `storageKey` in localStorage (the
 * storefront and the console keep theirs apart). When a refresh fails the
 * session is dropped first, then the app is told.
 */
export function appClients(storageKey: string): AppClients {
  const session = new SessionStore(storageKey);
  const signedOut = { onSignedOut: () => undefined as void };
  const api = new GraphqlClient(session, () => {
    session.set(null);
    signedOut.onSignedOut();
  });
  return { session, signedOut, api, live: new LiveClient(api) };
}
