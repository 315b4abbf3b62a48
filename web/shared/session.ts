/**
 * The signed-in session of one app (the storefront and the console keep
 * theirs apart). Kept in localStorage so a reload or a second tab stays signed
 * in; read on every use, so a token refreshed in one tab serves the others.
 */

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: { readonly id: string; readonly name: string; readonly email: string; readonly roles: readonly string[] };
}

type Listener = (session: Session | null) => void;

export class SessionStore {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly key: string) {
    window.addEventListener('storage', (event) => {
      if (event.key === this.key) this.emit();
    });
  }

  /** The stored text: a cheap snapshot for React to compare. */
  raw = (): string | null => localStorage.getItem(this.key);

  get(): Session | null {
    const raw = this.raw();
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Session;
    } catch {
      return null;
    }
  }

  set(session: Session | null): void {
    if (session) localStorage.setItem(this.key, JSON.stringify(session));
    else localStorage.removeItem(this.key);
    this.emit();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    const session = this.get();
    for (const listener of this.listeners) listener(session);
  }
}
