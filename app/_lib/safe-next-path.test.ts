import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps a same-origin path with its query', () => {
    expect(safeNextPath('/cameras?status=offline')).toBe('/cameras?status=offline');
  });

  it('falls back to /pipelines when missing or not a path', () => {
    expect(safeNextPath(undefined)).toBe('/pipelines');
    expect(safeNextPath('')).toBe('/pipelines');
    expect(safeNextPath('cameras')).toBe('/pipelines');
    expect(safeNextPath('https://evil.example/')).toBe('/pipelines');
  });

  it('refuses protocol-relative and backslash tricks that leave the origin', () => {
    expect(safeNextPath('//evil.example/x')).toBe('/pipelines');
    expect(safeNextPath('/\\evil.example/x')).toBe('/pipelines');
  });

  it('does not loop back to the login page', () => {
    expect(safeNextPath('/login?next=%2Fcameras')).toBe('/pipelines');
  });

  it('takes the first value of a repeated parameter', () => {
    expect(safeNextPath(['/alarms', '/settings'])).toBe('/alarms');
  });
});
