import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults, which match OWASP's recommendation
 * (19 MiB of memory, 2 passes, 1 lane). Hashes embed their parameters, so
 * changing them later keeps old hashes verifiable.
 */
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /**
   * False for a wrong password and for no account (`stored` null). Without an
   * account the password is checked against a throw-away hash, so both cases
   * take the same time and a response's timing does not reveal whether an
   * email is registered.
   */
  async verify(stored: string | null, password: string): Promise<boolean> {
    if (stored === null) {
      await verify(await this.dummyHash(), password);
      return false;
    }
    try {
      return await verify(stored, password);
    } catch {
      // Not an argon2 hash (an account without a usable password): no password matches it.
      return false;
    }
  }

  private dummyHash(): Promise<string> {
    return (this.dummy ??= hash(randomBytes(32).toString('base64url')));
  }
}
