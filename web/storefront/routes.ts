import { navigate } from '../shared/ui';

/** Where a signed-out shopper goes for something that needs an account: sign in, then back here. */
export function signInFirst(): void {
  navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
}
