/**
 * Settings in a link (pure): `#p=` + the settings' JSON, deflated, in base64url. The fragment is never
 * sent to a server. Only settings go in (settings-spec.ts linkSettings leaves out what comes from the
 * data); the link carries no file.
 */
import { ClienteleError } from '../errors.ts';
import { deflateRaw, inflateRaw } from './zip.ts';
import { PROJECT_VERSION } from './format.ts';
import type { ProjectSettings } from './settings-spec.ts';

const PREFIX = 'p=';

function base64url(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
	const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The fragment (without '#') for these settings. */
export async function encodeLink(settings: ProjectSettings): Promise<string> {
	const json = JSON.stringify({ v: PROJECT_VERSION, s: settings });
	return PREFIX + base64url(await deflateRaw(new TextEncoder().encode(json)));
}

/** The settings of a fragment ('#p=…' or 'p=…'); null when the fragment is not a settings link. */
export async function decodeLink(fragment: string): Promise<ProjectSettings | null> {
	const f = fragment.replace(/^#/, '');
	if (!f.startsWith(PREFIX)) return null;
	let parsed: { v?: unknown; s?: unknown };
	try {
		const bytes = await inflateRaw(fromBase64url(f.slice(PREFIX.length)));
		parsed = JSON.parse(new TextDecoder().decode(bytes)) as { v?: unknown; s?: unknown };
	} catch {
		throw new ClienteleError('projectFile.badLink', {});
	}
	if (typeof parsed.v !== 'number' || !parsed.s || typeof parsed.s !== 'object') throw new ClienteleError('projectFile.badLink', {});
	if (parsed.v > PROJECT_VERSION) throw new ClienteleError('projectFile.newer', { file: 'link', version: parsed.v, supported: PROJECT_VERSION });
	return parsed.s as ProjectSettings;
}
