import { createTranslator } from 'use-intl';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@/app/_i18n/messages';
import type { CompileErrorCode } from '@/lib/pipeline/compile-error';
import { nodeTypes } from '@/lib/pipeline/graph-schema';
import { renderText, type CanvasText } from './canvas-text';
import { presentCompileError } from './compile-problems';
import { nodeDescription, nodeLabel, summarizeNode } from './node-summary';

const english = createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'canvas' });
const chinese = createTranslator({ locale: 'zh-CN', messages: catalogues['zh-CN'], namespace: 'canvas' });
const say = (text: CanvasText, t = english) => renderText(t, text);
const names = { cameraNames: new Map([['cam_1', 'Gate 3']]), algorithmNames: new Map([['alg_1', 'person-detector 1.0.0']]) };
const nodes = [
  { id: 'callback-1', type: 'callback', data: { url: 'ftp://x' } },
  { id: 'rule-1', type: 'rule', data: { alarmType: 'intrusion' } },
];

describe('presentCompileError', () => {
  it('re-checks a config error on the canvas node, so field and rule are translated; the API words stay as detail', () => {
    const problem = presentCompileError({ code: 'invalid_config', nodeId: 'callback-1', field: 'url', message: 'HTTP callback node "callback-1": url: callback URLs must be http:// or https://' }, nodes);
    expect(say(problem.text)).toBe('URL: callback URLs must be http:// or https://');
    expect(say(problem.text, chinese)).toBe('回调地址：回调地址必须以 http:// 或 https:// 开头');
    expect(problem).toMatchObject({ detail: 'url: callback URLs must be http:// or https://', showDetail: false });
  });

  it('translates each code, showing the API detail where it names more than the text', () => {
    const dangling = presentCompileError({ code: 'dangling_node', nodeId: 'rule-1', message: 'Rule node "rule-1" is not connected to anything' }, nodes);
    expect(say(dangling.text, chinese)).toBe('没有连接任何节点');
    expect(dangling.showDetail).toBe(false);
    const input = presentCompileError({ code: 'missing_input', nodeId: 'rule-1', message: 'Rule node "rule-1" needs an input (detections)' }, nodes);
    expect(say(input.text)).toBe('Needs an input (detections)');
    const cycle = presentCompileError({ code: 'cycle', nodeId: 'rule-1', message: 'Nodes "rule-1", "roi-1" form a cycle' }, nodes);
    expect(cycle).toMatchObject({ showDetail: true, detail: 'Nodes "rule-1", "roi-1" form a cycle' });
    const newer = presentCompileError({ code: 'something_new' as CompileErrorCode, message: 'A newer check' }, nodes);
    expect(say(newer.text)).toBe('A newer check');
  });
});

describe('summarizeNode', () => {
  it('says what each node is set to do, with catalog names and counts in the reader\'s language', () => {
    expect(say(summarizeNode('camera', { cameraId: 'cam_1', fps: 5 }, names))).toBe('Gate 3 · 5 fps');
    expect(say(summarizeNode('camera', { cameraId: '' }, names), chinese)).toBe('未选择摄像头');
    expect(say(summarizeNode('roi', { regions: [{}, {}] }, names))).toBe('2 regions');
    expect(say(summarizeNode('roi', { regions: [{}] }, names))).toBe('1 region');
    expect(say(summarizeNode('roi', { regions: [{}, {}] }, names), chinese)).toBe('2 个区域');
    expect(say(summarizeNode('rule', { alarmType: 'intrusion', labels: ['person', 'car'] }, names))).toBe('intrusion · person, car');
    expect(say(summarizeNode('record', { snapshot: true, clipSeconds: 10 }, names))).toBe('snapshot + 10 s clip');
  });

  it('names and describes every node type in both languages', () => {
    for (const type of nodeTypes) {
      expect(say(nodeLabel(type), chinese)).not.toBe(say(nodeLabel(type)));
      expect(say(nodeDescription(type), chinese)).not.toBe(say(nodeDescription(type)));
    }
  });
});
