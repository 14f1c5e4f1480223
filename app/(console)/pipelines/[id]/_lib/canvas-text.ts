import type { _Translator as Translator, MessageKeys, NestedKeyOf } from 'use-intl';
import type { Messages } from '@/app/_i18n/messages';

/** A key of the editor's catalogue (app/_i18n/messages/canvas.ts). */
export type CanvasKey = MessageKeys<Messages['canvas'], NestedKeyOf<Messages['canvas']>>;

/**
 * Text that pure modules (summaries, connection rules, config issues) hand to the UI without knowing the
 * language: a catalogue key with arguments (which may be texts themselves), text to show as it is (names, the
 * API's own words), or parts read one after the other (" · " between them).
 */
export type CanvasText =
  | { key: CanvasKey; values?: Record<string, string | number | CanvasText> }
  | { text: string }
  | { parts: CanvasText[] };

export const message = (key: CanvasKey, values?: Record<string, string | number | CanvasText>): CanvasText => (values ? { key, values } : { key });
export const asIs = (text: string): CanvasText => ({ text });

/** useTranslations('canvas') in components, createTranslator({ namespace: 'canvas', … }) in tests. */
export type CanvasTranslator = Translator<Messages, 'canvas'>;

type LooseTranslator = (key: string, values?: Record<string, string | number>) => string;

/** The text in the translator's language. Keys are checked by TypeScript where the text is made. */
export function renderText(t: CanvasTranslator, text: CanvasText): string {
  if ('text' in text) return text.text;
  if ('parts' in text) return text.parts.map((part) => renderText(t, part)).join(' · ');
  const values = text.values
    ? Object.fromEntries(Object.entries(text.values).map(([name, value]) => [name, typeof value === 'object' ? renderText(t, value) : value]))
    : undefined;
  return (t as unknown as LooseTranslator)(text.key, values);
}
