import { checkLogin, checkPasswordChange, checkRegistration, normalizeEmail } from './auth.rules';
import { violationsFrom } from '../../test/support/refusals';

const PASSWORD = 'correct horse battery';

describe('normalizeEmail', () => {
  it('trims and lower-cases, so one mailbox is one account', () => {
    expect(normalizeEmail('  Robin.Example@Shop.TEST ')).toBe('robin.example@shop.test');
  });
});

describe('checkRegistration', () => {
  it('accepts a valid email, a password of 10 to 256 characters and a name', () => {
    expect(() => checkRegistration({ email: 'robin@shop.test', password: 'p'.repeat(10), name: 'Robin' })).not.toThrow();
    expect(() => checkRegistration({ email: 'robin@shop.test', password: 'p'.repeat(256), name: 'Robin' })).not.toThrow();
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', password: PASSWORD, name: 'Robin' }, 'email', 'email must be a valid email address'],
    ['a password under 10 characters', { email: 'robin@shop.test', password: '123456789', name: 'Robin' }, 'password', 'password must be at least 10 characters'],
    ['a password over 256 characters', { email: 'robin@shop.test', password: 'p'.repeat(257), name: 'Robin' }, 'password', 'password must be at most 256 characters'],
    ['an empty name', { email: 'robin@shop.test', password: PASSWORD, name: '' }, 'name', 'name must not be empty'],
    ['a name over 100 characters', { email: 'robin@shop.test', password: PASSWORD, name: 'n'.repeat(101) }, 'name', 'name must be at most 100 characters'],
  ])('refuses %s', (_case, input, field, message) => {
    expect(violationsFrom(() => checkRegistration(input))).toEqual([{ field, message }]);
  });

  it('refuses an email over 254 characters, which no mail server takes either', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}.test`;
    expect(violationsFrom(() => checkRegistration({ email, password: PASSWORD, name: 'Robin' }))).toEqual([
      { field: 'email', message: 'email must be at most 254 characters' },
      { field: 'email', message: 'email must be a valid email address' },
    ]);
  });

  it('names every invalid field at once', () => {
    expect(violationsFrom(() => checkRegistration({ email: 'nope', password: 'short', name: '' }))).toEqual([
      { field: 'email', message: 'email must be a valid email address' },
      { field: 'password', message: 'password must be at least 10 characters' },
      { field: 'name', message: 'name must not be empty' },
    ]);
  });
});

describe('checkLogin', () => {
  it('accepts any password up to 256 characters: a wrong one is refused later, never explained', () => {
    expect(() => checkLogin({ email: 'robin@shop.test', password: 'x' })).not.toThrow();
  });

  it('refuses a malformed email and an oversized password', () => {
    expect(violationsFrom(() => checkLogin({ email: 'robin', password: 'p'.repeat(257) }))).toEqual([
      { field: 'email', message: 'email must be a valid email address' },
      { field: 'password', message: 'password must be at most 256 characters' },
    ]);
  });
});

describe('checkPasswordChange', () => {
  it('accepts any current password and a new one of 10 characters or more', () => {
    expect(() => checkPasswordChange({ currentPassword: 'x', newPassword: PASSWORD })).not.toThrow();
  });

  it('refuses an oversized current password and a short or oversized new one', () => {
    expect(violationsFrom(() => checkPasswordChange({ currentPassword: 'p'.repeat(257), newPassword: 'short' }))).toEqual([
      { field: 'currentPassword', message: 'currentPassword must be at most 256 characters' },
      { field: 'newPassword', message: 'newPassword must be at least 10 characters' },
    ]);
    expect(violationsFrom(() => checkPasswordChange({ currentPassword: 'x', newPassword: 'p'.repeat(257) }))).toEqual([
      { field: 'newPassword', message: 'newPassword must be at most 256 characters' },
    ]);
  });
});

describe('names and emails nobody can tell apart', () => {
  it('normalises emails to NFKC, so a full-width spelling is the same address', () => {
    expect(normalizeEmail('ｒｏｂｉｎ@ｓｈｏｐ.ｔｅｓｔ')).toBe('robin@shop.test');
    expect(() => checkRegistration({ email: 'ｒｏｂｉｎ@ｓｈｏｐ.ｔｅｓｔ', password: PASSWORD, name: 'Robin' })).not.toThrow();
  });

  it.each([
    ['a zero-width space', 'robin\u200b@shop.test', 'email must not contain control or formatting characters (such as bidirectional overrides)'],
    ['a Hangul filler', 'robin\u3164@shop.test', 'email must not contain invisible characters'],
  ])('refuses an email with %s', (_case, email, message) => {
    expect(violationsFrom(() => checkRegistration({ email, password: PASSWORD, name: 'Robin' }))).toContainEqual({ field: 'email', message });
  });

  it.each([
    ['only invisible fillers', '\u3164\u3164', 'name must not be empty'],
    ['a right-to-left override', 'Robin\u202e', 'name must not contain control or formatting characters (such as bidirectional overrides)'],
  ])('refuses a name of %s', (_case, name, message) => {
    expect(violationsFrom(() => checkRegistration({ email: 'robin@shop.test', password: PASSWORD, name }))).toEqual([{ field: 'name', message }]);
  });
});
