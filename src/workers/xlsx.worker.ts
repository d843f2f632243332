/// <reference lib="webworker" />
/** The xlsx worker: unzips and parses a workbook and writes one sheet as CSV, off the main thread. */
import { readWorkbook } from './xlsx-compute.ts';
import { serveWorker } from './protocol.ts';
import { XLSX_SERVE, type XlsxWorker } from './xlsx-protocol.ts';

serveWorker<XlsxWorker>(readWorkbook, XLSX_SERVE);
