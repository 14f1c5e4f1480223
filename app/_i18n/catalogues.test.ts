import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import type { MessageTree } from './define-catalogue';
import { catalogues } from './messages';

/** Every message as [dotted key, text]. */
function flatten(tree: MessageTree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

/** ICU argument names ({name}, {count, plural, …}); nested plural branches' own text is not an argument. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:[,}])/g)].map((match) => match[1]!).sort();
}

// Text that is the same in every language: names and technical words an operator types or reads as is.
const sameInEveryLanguage = /^(Vigil|English|简体中文|—|CSV|RTSP|RTMP|HTTP-FLV|URL|JSON|API|ID|FPS|fps|GPU|CPU|HMAC|[\d\s:./%×-]+)$/;

const english = new Map(flatten(catalogues.en));

describe('message catalogues', () => {
  for (const locale of locales) {
    it(`${locale}: has exactly the English keys, no empty message, the same arguments`, () => {
      const messages = new Map(flatten(catalogues[locale]));
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of messages) {
        expect(text.trim(), `${locale} ${key} is empty`).not.toBe('');
        expect(argumentsOf(text), `${locale} ${key} has other arguments than English`).toEqual(argumentsOf(english.get(key)!));
      }
    });
  }

  it('zh-CN: every message with words is translated (not the English text)', () => {
    const untranslated = flatten(catalogues['zh-CN']).filter(([key, text]) => text === english.get(key) && /[A-Za-z]{2,}/.test(text) && !sameInEveryLanguage.test(text));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('every namespace file is in the catalogue', () => {
    const files = readdirSync(join(import.meta.dirname, 'messages')).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
    expect(files.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(catalogues.en).sort());
  });

  it('the console code uses no key that the catalogue lacks', () => {
    // TypeScript checks typed keys; this catches keys built at run time from a literal prefix, e.g. t(`sections.${key}`).
    const source = readFileSync(join(import.meta.dirname, '../_components/console-sections.ts'), 'utf8');
    for (const [, key] of source.matchAll(/key: '([a-z]+)'/g)) expect(english.has(`nav.sections.${key}`), key).toBe(true);
  });
});
