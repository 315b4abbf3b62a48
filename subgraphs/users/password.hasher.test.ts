import { verify } from '@node-rs/argon2';
import { PasswordHasher } from './password.hasher';

// The real argon2, observed: which hash each check runs against.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});

/** The `$argon2id$v=19$m=...,t=...,p=...` part of a hash: the work verifying against it costs. */
const parametersOf = (hash: string) => hash.split('$').slice(0, 4).join('$');

describe('password checks', () => {
  beforeEach(() => jest.mocked(verify).mockClear());

  it('does the same argon2 work for an unknown account as for a wrong password, so timing does not tell them apart', async () => {
    const hasher = new PasswordHasher();
    const stored = await hasher.hash('the right password');

    expect(await hasher.verify(stored, 'a wrong password')).toBe(false);
    expect(await hasher.verify(null, 'a wrong password')).toBe(false);

    expect(verify).toHaveBeenCalledTimes(2);
    const [wrong, unknown] = jest.mocked(verify).mock.calls.map(([hash]) => String(hash));
    expect(wrong).toBe(stored);
    // A throw-away hash, never a real one, made with the same parameters as every stored hash.
    expect(unknown).not.toBe(stored);
    expect(parametersOf(unknown)).toBe(parametersOf(stored));
    expect(parametersOf(stored)).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });

  it('accepts the right password and refuses anything that is not an argon2 hash', async () => {
    const hasher = new PasswordHasher();
    expect(await hasher.verify(await hasher.hash('correct horse'), 'correct horse')).toBe(true);
    expect(await hasher.verify('not-a-hash', 'correct horse')).toBe(false);
  });
});
