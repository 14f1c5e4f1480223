import { describe, expect, it } from 'vitest';
import { readCameraCsv } from './camera-csv';

describe('readCameraCsv', () => {
  it('maps the CSV columns onto the camera API fields, in any case and order', () => {
    const csv = 'URL,Name,username,password,notes,tags\nrtsp://10.0.0.1/a,Gate,admin,"p,w",north gate,gate; north\n';
    expect(readCameraCsv(csv)).toEqual({
      rows: [{ name: 'Gate', streamUrl: 'rtsp://10.0.0.1/a', username: 'admin', password: 'p,w', description: 'north gate', tags: ['gate', 'north'] }],
      lines: [2],
      problems: [],
    });
  });

  it('leaves empty cells out, skips blank lines and keeps each row\'s file line', () => {
    const result = readCameraCsv('\uFEFFname,url,username,password\nA,rtsp://10.0.0.1/a,,\n\nB,rtsp://10.0.0.1/b,,\n');
    expect(result.rows).toEqual([
      { name: 'A', streamUrl: 'rtsp://10.0.0.1/a' },
      { name: 'B', streamUrl: 'rtsp://10.0.0.1/b' },
    ]);
    expect(result.lines).toEqual([2, 4]);
    expect(result.problems).toEqual([]);
  });

  it('names unknown and missing columns', () => {
    expect(readCameraCsv('name,ptz\nA,yes\n').problems).toEqual([
      { code: 'unknownColumn', column: 'ptz' },
      { code: 'missingColumn', column: 'url' },
    ]);
  });

  it('reports a file without camera rows', () => {
    expect(readCameraCsv('name,url\n').problems).toEqual([{ code: 'empty' }]);
  });

  it('reports a broken quote with its line', () => {
    const problems = readCameraCsv('name,url\nA,rtsp://10.0.0.1/a\n"B,rtsp://10.0.0.1/b\n').problems;
    expect(problems[0]).toMatchObject({ code: 'parse', line: 3 });
  });
});
