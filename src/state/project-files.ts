/**
 * What other parts of the page ask of the project files (views/project's model is it): the current
 * project as a file's bytes, and opening one. Keeping projects on this computer uses it.
 */
export interface ProjectFiles {
	/** The loaded data's file name(s), or null when no data is loaded. */
	readonly dataName: string | null;
	/** The current project as a .clientele file (the data in it only when asked). */
	buildFile(o: { includeData: boolean; passphrase?: string }): Promise<{ bytes: Uint8Array; name: string }>;
	/** The current settings as text: it changes exactly when a setting does (autosave compares it). */
	settingsKey(): string;
	/** Opens a project file as "Open project" does (its dialog reports what was restored). */
	openStored(file: File): Promise<void>;
}
