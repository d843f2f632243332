/**
 * Encryption of a project's data with a passphrase (pure; WebCrypto, in the browser and in Node):
 * AES-GCM with a 256-bit key derived by PBKDF2-SHA-256 from the passphrase and a random salt; the salt
 * and the iteration count are stored in project.json, a fresh 12-byte IV is prefixed to each entry.
 * A wrong passphrase fails GCM's tag check: project.badPassphrase, never the engine's message.
 */
import { ClienteleError } from '../errors.ts';
import type { ProjectEncryption } from './format.ts';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

export function toBase64(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
	const s = atob(text);
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
	return out;
}

export async function deriveKey(passphrase: string, e: ProjectEncryption): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(e.salt) as Uint8Array<ArrayBuffer>, iterations: e.iterations },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** A new encryption header (random salt). */
export function newEncryption(iterations = PBKDF2_ITERATIONS): ProjectEncryption {
	return { algorithm: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
}

/** IV (12 bytes) + ciphertext with its tag. */
export async function encryptBytes(key: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes as Uint8Array<ArrayBuffer>));
	const out = new Uint8Array(12 + sealed.length);
	out.set(iv);
	out.set(sealed, 12);
	return out;
}

export async function decryptBytes(key: CryptoKey, bytes: Uint8Array, file: string): Promise<Uint8Array> {
	try {
		const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) as Uint8Array<ArrayBuffer> }, key, bytes.subarray(12) as Uint8Array<ArrayBuffer>);
		return new Uint8Array(plain);
	} catch {
		throw new ClienteleError('projectFile.badPassphrase', { file });
	}
}
