import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps a same-origin path with its query', () => {
    expect(safeNextPath('/cameras?status=offline')).toBe('/cameras?status=offline');
  });

  it('falls back to /pipelines when missing or not a path', () => {
    expect(safeNextPath(undefined)).toBe('/dashboard');
    expect(safeNextPath('')).toBe('/dashboard');
    expect(safeNextPath('cameras')).toBe('/dashboard');
    expect(safeNextPath('https://evil.example/')).toBe('/dashboard');
  });

  it('refuses protocol-relative and backslash tricks that leave the origin', () => {
    expect(safeNextPath('//evil.example/x')).toBe('/dashboard');
    expect(safeNextPath('/\\evil.example/x')).toBe('/dashboard');
  });

  it('does not loop back to the login page', () => {
    expect(safeNextPath('/login?next=%2Fcameras')).toBe('/dashboard');
  });

  it('takes the first value of a repeated parameter', () => {
    expect(safeNextPath(['/alarms', '/settings'])).toBe('/alarms');
  });
});
