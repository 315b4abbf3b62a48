import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type InputHTMLAttributes, type ReactNode } from 'react';
import { GraphqlRequestError } from './graphql';
import type { LiveClient } from './live';
import type { Session, SessionStore } from './session';
import { useLiveStatus } from './live';

export function formatMoney(money: { amount: number; currency: string } | null | undefined): string {
  if (!money) return '—';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(money.amount / 100);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** A labelled input with the server's error for this field under it (announced, and tied to the input for screen readers). */
export function Field({ label, error, hint, ...input }: { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/**
 * The error of a failed request that no field claims: shown above the form.
 * `credentials`: the form signs in, so a refusal is about what was typed.
 */
export function FormError({ error, fields = [], credentials = false }: { error: unknown; fields?: readonly string[]; credentials?: boolean }) {
  if (!error) return null;
  if (error instanceof GraphqlRequestError && fields.some((field) => error.fieldError(field))) return null;
  return (
    <p className="form-error" role="alert">
      {messageOf(error, { credentials })}
    </p>
  );
}

/**
 * What to tell the person. UNAUTHENTICATED usually means the session is
 * missing or over ("Please sign in."), but on a sign-in form it answers the
 * email, password or code just typed, and the server's words say which.
 */
export function messageOf(error: unknown, { credentials = false }: { credentials?: boolean } = {}): string {
  if (error instanceof GraphqlRequestError) {
    if (error.code === 'UNAUTHENTICATED' && !credentials) return 'Please sign in.';
    if (error.code === 'FORBIDDEN') return `Not allowed: ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof GraphqlRequestError ? error.fieldError(field) : undefined;
}

/** The small live-updates indicator: a dot and a word, announced politely when it changes. */
export function LiveIndicator({ live }: { live: LiveClient }) {
  const status = useLiveStatus(live);
  const words = { idle: 'Live', connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;
  return (
    <span className={`live live-${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="live-dot" aria-hidden="true" />
      {words[status]}
    </span>
  );
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
  /** Replaces the data in place (a live update or a mutation's answer). */
  set(update: (data: T | undefined) => T | undefined): void;
}

/** Runs `load` when its dependencies change; the last answer stays on screen while the next loads (no flicker). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const current = useRef(0);
  useEffect(() => {
    const mine = ++current.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== current.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== current.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload, set: setData };
}

/** A form submission: pending while it runs, its error kept for the fields. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setPending(true);
      setError(null);
      try {
        return await action(...args);
      } catch (failure) {
        setError(failure);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  return { run, pending, error, clear: () => setError(null) };
}

// A router of a few lines: history API paths under the app's base, links that do not reload.
const routeListeners = new Set<() => void>();
window.addEventListener('popstate', () => routeListeners.forEach((listener) => listener()));

export function navigate(to: string): void {
  history.pushState(null, '', to);
  routeListeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
}

export function useLocation(): string {
  return useSyncExternalStore(
    (listener) => {
      routeListeners.add(listener);
      return () => routeListeners.delete(listener);
    },
    () => location.pathname + location.search,
  );
}

/** The signed-in session, re-rendering when it changes (here or in another tab). */
export function useSession(store: SessionStore): Session | null {
  const raw = useSyncExternalStore(store.subscribe, store.raw);
  return raw === null ? null : store.get();
}

export function Link({ to, children, className, current }: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  return (
    <a
      href={to}
      className={className}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** A fresh key per intent (a checkout, a payment): a retried request is then recognised by the server. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** The page of a list on show: the first, the one after a cursor or the one before one (the API's connections page both ways). */
export interface PageAt {
  readonly after?: string;
  readonly before?: string;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** A connection's arguments for `size` items at `at`: `first`/`after` forward, `last`/`before` back. */
export function pageArgs(at: PageAt, size: number): { first?: number; after?: string; last?: number; before?: string } {
  return at.before ? { last: size, before: at.before } : { first: size, ...(at.after ? { after: at.after } : {}) };
}

export interface Paging {
  readonly at: PageAt;
  reset(): void;
  next(pageInfo: PageInfo): void;
  previous(pageInfo: PageInfo): void;
}

/** Where a paged list is; "Previous" asks for the page before the shown one's first item, so nothing is remembered. */
export function usePaging(): Paging {
  const [at, setAt] = useState<PageAt>({});
  return {
    at,
    reset: () => setAt({}),
    next: ({ endCursor }) => setAt(endCursor ? { after: endCursor } : {}),
    previous: ({ startCursor }) => setAt(startCursor ? { before: startCursor } : {}),
  };
}

export function Pager({ paging, pageInfo }: { paging: Paging; pageInfo: PageInfo | undefined }) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="secondary" disabled={!pageInfo?.hasPreviousPage} onClick={() => pageInfo && paging.previous(pageInfo)}>
        Previous
      </button>
      <button type="button" className="secondary" disabled={!pageInfo?.hasNextPage} onClick={() => pageInfo && paging.next(pageInfo)}>
        Next
      </button>
    </nav>
  );
}
