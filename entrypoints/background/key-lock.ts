import { z } from 'zod/mini';

/*
 * The optional passphrase lock: the API key encrypted at rest with a key derived from the
 * user's passphrase (PBKDF2-SHA-256, then AES-256-GCM, all WebCrypto). Nothing here stores
 * anything; key-store.ts decides where the sealed and the unlocked key live.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Stored with each seal, so it can change. */
const ITERATIONS = 600_000;

/*
 * What a stored seal may ask for. Below 100,000 a passphrase is cheap to guess; above
 * 5,000,000 (about eight times today's figure, seconds of work here) a tampered or broken
 * record would make every unlock hang — up to hours at 2^31. Outside: refused, not run.
 */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 5_000_000;

export const MIN_PASSPHRASE_LENGTH = 8;

export const SealedKeySchema = z.object({
  version: z.literal(1),
  iterations: z.int().check(z.minimum(MIN_ITERATIONS), z.maximum(MAX_ITERATIONS)),
  /** Base64. */
  salt: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  /** Shown while locked, as for a plain key ("ending in …4f2a"); empty for a short key. */
  last4: z.string(),
});
export type SealedKey = z.infer<typeof SealedKeySchema>;

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

async function deriveAesKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealKey(
  apiKey: string,
  passphrase: string,
  last4: string,
): Promise<SealedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const aesKey = await deriveAesKey(passphrase, salt, ITERATIONS);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    aesKey,
    new TextEncoder().encode(apiKey),
  );
  return {
    version: 1,
    iterations: ITERATIONS,
    salt: toBase64(salt),
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
    last4,
  };
}

/** The key, or undefined when the passphrase is wrong (GCM's tag does not verify). */
export async function openSealedKey(
  sealed: SealedKey,
  passphrase: string,
): Promise<string | undefined> {
  const aesKey = await deriveAesKey(passphrase, fromBase64(sealed.salt), sealed.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      aesKey,
      fromBase64(sealed.ciphertext),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}
