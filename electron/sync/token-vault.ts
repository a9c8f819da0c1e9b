import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Where the counter keeps the bearer token the centre issued it. */
export interface TokenVault {
  read(): string | null;
  write(token: string): void;
  clear(): void;
  /** How the token is protected, for the sync page. */
  readonly protection: string;
}

/** Browser mode: a file only this user can read (0600). */
export function fileTokenVault(file: string): TokenVault {
  return {
    protection: 'file readable by this user only',
    read: () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null),
    write(token) {
      writeFileSync(file, token, { mode: 0o600 });
      chmodSync(file, 0o600); // writeFileSync keeps the mode of a file that was already there
    },
    clear: () => rmSync(file, { force: true }),
  };
}

/** Electron's safeStorage, or anything with its shape; passed in so this file never imports electron. */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Electron: the token encrypted by the operating system's keychain
 * (safeStorage), in a file only this user can read. Where the OS offers no
 * encryption (Linux without a keyring) it falls back to the plain 0600 file.
 */
export function encryptedTokenVault(file: string, cipher: StringCipher, fallbackFile: string): TokenVault {
  if (!cipher.isEncryptionAvailable()) return fileTokenVault(fallbackFile);
  return {
    protection: "encrypted by the operating system's keychain",
    read: () => (existsSync(file) ? cipher.decryptString(readFileSync(file)) || null : null),
    write(token) {
      writeFileSync(file, cipher.encryptString(token), { mode: 0o600 });
      chmodSync(file, 0o600);
    },
    clear: () => rmSync(file, { force: true }),
  };
}
