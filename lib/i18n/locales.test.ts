import { describe, expect, it } from 'vitest';
import { isLocale, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it('prefers the highest-quality language the console has', () => {
    expect(negotiateLocale('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR,fr;q=0.9,en-GB;q=0.8,zh;q=0.5')).toBe('en');
    expect(negotiateLocale('en;q=0.2, zh-CN;q=0.9')).toBe('zh-CN');
  });
  it('gives nothing for unknown or empty headers and ignores q=0', () => {
    expect(negotiateLocale('fr, de')).toBeUndefined();
    expect(negotiateLocale('')).toBeUndefined();
    expect(negotiateLocale(null)).toBeUndefined();
    expect(negotiateLocale('zh;q=0, en;q=0.1')).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts only the console languages', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
