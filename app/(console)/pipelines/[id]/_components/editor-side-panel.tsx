'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';

const tabs = ['inspector', 'revisions'] as const;
export type SideTab = (typeof tabs)[number];

/** Inspector and revisions share the right-hand column; the buttons say which is shown (aria-pressed). */
export function EditorSidePanel({ tab, onTab, children }: { tab: SideTab; onTab: (tab: SideTab) => void; children: Record<SideTab, ReactNode> }) {
  const t = useTranslations('canvas.side');
  return (
    <aside className="editor-side" aria-label={t('label')}>
      <div className="side-tabs">
        {tabs.map((name) => (
          <button key={name} type="button" className="side-tab" aria-pressed={tab === name} onClick={() => onTab(name)}>
            {t(name)}
          </button>
        ))}
      </div>
      <div className="side-body">{children[tab]}</div>
    </aside>
  );
}

export function useSideTab() {
  return useState<SideTab>('inspector');
}
