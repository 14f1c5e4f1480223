import { describe, expect, it } from 'vitest';
import { checkImportRows } from './import-rows';

describe('checkImportRows', () => {
  it('accepts valid rows with defaults for what the file leaves empty', () => {
    const result = checkImportRows([{ name: 'Gate', streamUrl: 'rtsp://10.0.0.1/a', username: '', password: '', description: '', tags: [] }], new Set());
    expect(result.errors).toEqual([]);
    expect(result.cameras).toEqual([{ name: 'Gate', streamUrl: 'rtsp://10.0.0.1/a', description: '', location: '', tags: [], enabled: true }]);
  });

  it('reports every bad row with its number and field, and returns no camera then', () => {
    const result = checkImportRows(
      [
        { name: 'Ok', streamUrl: 'rtsp://10.0.0.1/a' },
        { name: '', streamUrl: 'ftp://10.0.0.1/b' },
        { name: 'Twice', streamUrl: 'rtsp://u:p@10.0.0.1/c', password: 'q' },
      ],
      new Set(),
    );
    expect(result.cameras).toEqual([]);
    expect(result.errors).toEqual([
      { row: 2, path: 'name', message: expect.any(String) },
      { row: 2, path: 'streamUrl', message: expect.stringContaining('unsupported scheme "ftp"') },
      { row: 3, path: 'streamUrl', message: expect.stringContaining('give them once') },
    ]);
  });

  it('refuses a name repeated in the file or already taken', () => {
    const result = checkImportRows(
      [
        { name: 'Dock', streamUrl: 'rtsp://10.0.0.1/a' },
        { name: 'Dock', streamUrl: 'rtsp://10.0.0.1/b' },
        { name: 'Lobby', streamUrl: 'rtsp://10.0.0.1/c' },
      ],
      new Set(['Lobby']),
    );
    expect(result.errors).toEqual([
      { row: 2, path: 'name', message: 'the name "Dock" is already used by row 1' },
      { row: 3, path: 'name', message: 'a camera named "Lobby" already exists' },
    ]);
  });
});
