import Papa from 'papaparse';
import type { ImportCameraRow } from '@/lib/contracts/cameras';

/** A problem with the file itself (the server checks each row's content); codes are translated by the page. */
export type CsvProblem =
  | { code: 'missingColumn'; column: 'name' | 'url' }
  | { code: 'unknownColumn'; column: string }
  | { code: 'parse'; line: number; message: string }
  | { code: 'empty' };

export interface CameraCsv {
  rows: ImportCameraRow[];
  /** The file line of each row (the header is line 1), to name rows as a spreadsheet does. */
  lines: number[];
  problems: CsvProblem[];
}

type Column = keyof ImportCameraRow;

// Header names operators use, in any case: the camera API's own names and the CSV's short ones.
const columnNames: Record<string, Column> = {
  name: 'name',
  url: 'streamUrl',
  streamurl: 'streamUrl',
  stream_url: 'streamUrl',
  username: 'username',
  user: 'username',
  password: 'password',
  description: 'description',
  notes: 'description',
  location: 'location',
  tags: 'tags',
};

/** Reads a cameras CSV (header row, then name,url[,username,password][,description|notes][,location][,tags]). */
export function readCameraCsv(text: string): CameraCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  // A one-column file has no delimiter to detect: that is not a problem with the file.
  const problems: CsvProblem[] = parsed.errors.filter((error) => error.code !== 'UndetectableDelimiter').map((error) => ({ code: 'parse', line: (error.row ?? 0) + 1, message: error.message }));
  const [header = [], ...body] = parsed.data;
  const columns = header.map((cell) => columnNames[cell.trim().toLowerCase()]);
  header.forEach((cell, index) => {
    if (!columns[index] && cell.trim() !== '') problems.push({ code: 'unknownColumn', column: cell.trim() });
  });
  if (!columns.includes('name')) problems.push({ code: 'missingColumn', column: 'name' });
  if (!columns.includes('streamUrl')) problems.push({ code: 'missingColumn', column: 'url' });
  const rows: ImportCameraRow[] = [];
  const lines: number[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push(toRow(cells, columns));
    lines.push(index + 2);
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ code: 'empty' });
  return { rows, lines, problems };
}

function toRow(cells: string[], columns: (Column | undefined)[]): ImportCameraRow {
  const row: ImportCameraRow = { name: '', streamUrl: '' };
  columns.forEach((column, index) => {
    const value = (cells[index] ?? '').trim();
    if (!column || value === '') return;
    if (column === 'tags') row.tags = value.split(/[;|]/).map((tag) => tag.trim()).filter(Boolean);
    else row[column] = value;
  });
  return row;
}
