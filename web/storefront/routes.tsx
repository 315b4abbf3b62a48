import { navigate } from '../shared/ui';

/** Where a signed-out shopper goes for something that needs an account: sign in, then back here. */
export function signInFirst(): void {
  if (location.pathname === '/signin') return;
  navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
}

export function NeedsAccount({ what }: { what: string }) {
  return (
    <p>
      <a href="/signin" onClick={(event) => (event.preventDefault(), signInFirst())}>
        Sign in
      </a>{' '}
      to see {what}.
    </p>
  );
}
