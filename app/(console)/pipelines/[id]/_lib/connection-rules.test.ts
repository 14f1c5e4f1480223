import { createTranslator } from 'use-intl';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@/app/_i18n/messages';
import { renderText } from './canvas-text';
import { checkConnection, createConnectionChecker, type ConnectionCheck } from './connection-rules';

const english = createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'canvas' });
const chinese = createTranslator({ locale: 'zh-CN', messages: catalogues['zh-CN'], namespace: 'canvas' });
/** The refusal as the status line shows it. */
const reason = (verdict: ConnectionCheck, t = english) => (verdict.ok ? 'ok' : renderText(t, verdict.reason));

const nodes = [
  { id: 'cam', type: 'camera' },
  { id: 'alg', type: 'algorithm' },
  { id: 'roi-a', type: 'roi' },
  { id: 'roi-b', type: 'roi' },
  { id: 'rule', type: 'rule' },
  { id: 'hook', type: 'callback' },
];
const edges = [
  { source: 'cam', target: 'alg', sourceHandle: 'video', targetHandle: 'video' },
  { source: 'alg', target: 'roi-a', sourceHandle: 'detections', targetHandle: 'detections' },
  { source: 'roi-a', target: 'roi-b', sourceHandle: 'detections', targetHandle: 'detections' },
];
const check = createConnectionChecker({ nodes, edges });

describe('checkConnection', () => {
  it('accepts an output into an input of the same port type', () => {
    expect(check({ source: 'roi-b', sourceHandle: 'detections', target: 'rule', targetHandle: 'detections' })).toEqual({ ok: true });
    expect(check({ source: 'rule', sourceHandle: 'events', target: 'hook', targetHandle: 'events' })).toEqual({ ok: true });
  });

  it('refuses a port type mismatch and says which types', () => {
    const verdict = check({ source: 'cam', sourceHandle: 'video', target: 'rule', targetHandle: 'detections' });
    expect(reason(verdict)).toBe('Refused: Camera "cam" sends video, but Rule "rule" takes detections.');
    expect(reason(verdict, chinese)).toBe('已拒绝：摄像头“cam”输出视频，但规则“rule”接收检测结果。');
  });

  it('refuses a connection that closes a cycle, naming the path', () => {
    expect(reason(check({ source: 'roi-b', sourceHandle: 'detections', target: 'roi-a', targetHandle: 'detections' }))).toBe('Refused: it would make a cycle (roi-a → roi-b → roi-a).');
  });

  it('refuses self-loops, duplicates and unknown ports', () => {
    expect(reason(check({ source: 'roi-a', sourceHandle: 'detections', target: 'roi-a', targetHandle: 'detections' }))).toBe('A node cannot feed itself.');
    expect(reason(check({ source: 'cam', sourceHandle: 'video', target: 'alg', targetHandle: 'video' }))).toBe('These two ports are already connected.');
    expect(reason(check({ source: 'cam', sourceHandle: 'audio', target: 'alg', targetHandle: 'video' }))).toBe('Camera "cam" has no such output.');
    expect(reason(checkConnection({ nodes, edges }, { source: 'ghost', target: 'alg' }))).toBe('Both ends must be nodes on this canvas.');
  });
});
