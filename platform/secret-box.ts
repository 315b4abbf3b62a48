import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest of secrets a service must read back (TOTP secrets,
 * webhook signing secrets): AES-256-GCM with a key derived by HKDF-SHA256
 * from the configured key material, under a label per use, so the derived
 * key is independent of any other use of that material. Each sealed value
 * names the key that sealed it and is bound to its owner (the row's id as
 * associated data), so a value copied onto another row does not open.
 */

const VERSION = 'v1';
const SALT = 'shop-supergraph';
const IV_BYTES = 12;

interface Key {
  readonly id: string;
  readonly key: Buffer;
}

export interface Opened {
  readonly plaintext: string;
  /** Sealed with a key being retired: seal it again with the current one. */
  readonly stale: boolean;
}

export class SecretBox {
  private readonly keys: readonly Key[];

  /**
   * `sources`: the current key material first, then material still read during a rotation.
   * `label`: what the secrets are (`users/mfa-secret-encryption/v1`), so each use derives its own keys.
   */
  constructor(sources: readonly string[], label: string) {
    if (sources.length === 0) throw new Error('SecretBox needs key material');
    this.keys = sources.map((source) => {
      const key = Buffer.from(hkdfSync('sha256', source, SALT, label, 32));
      return { id: createHash('sha256').update(key).digest('base64url').slice(0, 8), key };
    });
  }

  seal(plaintext: string, owner: string): string {
    const [{ id, key }] = this.keys;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(owner));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Throws when the value was tampered with, belongs to another owner, or was sealed with a key no longer configured. */
  open(sealed: string, owner: string): Opened {
    const [version, id, iv, body, tag, extra] = sealed.split('.');
    if (version !== VERSION || !id || !iv || !body || !tag || extra !== undefined) throw new Error('not a sealed secret');
    const index = this.keys.findIndex((key) => key.id === id);
    if (index < 0) throw new Error('sealed with a key that is not configured');
    const decipher = createDecipheriv('aes-256-gcm', this.keys[index].key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(owner));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    return { plaintext, stale: index > 0 };
  }

  /** Whether `sealed` was sealed with the current key. */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`${VERSION}.${this.keys[0].id}.`);
  }
}
