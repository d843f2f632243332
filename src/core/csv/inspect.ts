import { guessFile, type FileGuess } from '../import/file-guess.ts';
import { scanSample, type SampleScan } from './ragged.ts';
import { sniffSample, type SniffResult } from './sniff.ts';

/** Bytes of text the sniffer reads from the start of a file. */
export const SAMPLE_BYTES = 256 * 1024;

/** What the start of a file says about the whole: its CSV dialect and columns, and ragged rows in it. */
export interface SampleInspection {
	sniff: SniffResult;
	scan: SampleScan;
	/** The roles guessed from the columns (core/import/file-guess.ts): made here, off the page's main thread. */
	guess: FileGuess;
}

/**
 * Sniffs a decoded sample, counts fields per record and guesses the columns' roles. The header
 * decides the table's width (the sniffer widens its columns to the longest sampled row). Pure: the
 * page runs it in a worker (a 256 KB sample takes 100–150 ms; 10,000 columns 0.2–0.6 s), the CLI in place.
 */
export function inspectSample(sample: string, fileName: string): SampleInspection {
	const sniffed = sniffSample(sample, { fileName });
	const scan = scanSample(sample, { delimiter: sniffed.delimiter, skipLines: sniffed.skipLines });
	const sniff =
		scan.expected > 0 ? { ...sniffed, columns: sniffed.columns.slice(0, scan.expected) } : sniffed;
	return { sniff, scan, guess: guessFile(sniff.columns) };
}
