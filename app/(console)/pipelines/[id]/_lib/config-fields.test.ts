import { createTranslator } from 'use-intl';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@/app/_i18n/messages';
import { nodeTypes } from '@/lib/pipeline/graph-schema';
import { renderText, type CanvasText } from './canvas-text';
import { configFieldsFor, configIssues, fieldLabel, initialNodeData } from './config-fields';

const english = createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'canvas' });
const chinese = createTranslator({ locale: 'zh-CN', messages: catalogues['zh-CN'], namespace: 'canvas' });
const say = (text: CanvasText | undefined, t = english) => (text ? renderText(t, text) : undefined);

describe('configFieldsFor', () => {
  it('reads each field kind from the zod schema', () => {
    const kinds = (type: Parameters<typeof configFieldsFor>[0]) => Object.fromEntries(configFieldsFor(type).map((field) => [field.key, field.kind]));
    expect(kinds('rule')).toEqual({ alarmType: 'text', labels: 'string-list', minScore: 'number', dwellSeconds: 'number', cooldownSeconds: 'number', minCount: 'integer', schedule: 'json' });
    expect(kinds('camera')).toEqual({ cameraId: 'camera', fps: 'integer', width: 'integer', height: 'integer' });
    expect(kinds('algorithm')).toEqual({ algorithmId: 'algorithm', params: 'json', minScore: 'number' });
    expect(kinds('roi')).toEqual({ regions: 'regions', anchor: 'enum' });
    expect(kinds('restream').drawLabels).toBe('boolean');
  });

  it('keeps bounds, defaults and enum options', () => {
    const fps = configFieldsFor('camera').find((field) => field.key === 'fps');
    expect(fps).toMatchObject({ required: false, minimum: 1, maximum: 30, defaultValue: 5 });
    expect(configFieldsFor('roi').find((field) => field.key === 'anchor')?.options).toEqual(['bottom-center', 'center', 'top-center']);
  });

  it('has a translated label for every field of every node type', () => {
    for (const type of nodeTypes) {
      for (const field of configFieldsFor(type)) expect(fieldLabel(field.key), `${type}.${field.key}`).toHaveProperty('key', `fields.${field.key}`);
    }
    expect(say(fieldLabel('alarmType'))).toBe('Alarm type');
    expect(say(fieldLabel('alarmType'), chinese)).toBe('告警类型');
    expect(fieldLabel('someNewKey')).toEqual({ text: 'Some New Key' });
  });
});

describe('initialNodeData and configIssues', () => {
  it('starts a node from its defaults, with empty required fields whose messages read well in both languages', () => {
    expect(initialNodeData('callback')).toEqual({ url: '', timeoutSeconds: 10 });
    expect(initialNodeData('roi')).toEqual({ regions: [], anchor: 'bottom-center' });
    expect(say(configIssues('roi', initialNodeData('roi')).get('regions'))).toBe('draw at least one region');
    expect(say(configIssues('camera', initialNodeData('camera')).get('cameraId'))).toBe('choose a camera');
    expect(say(configIssues('camera', initialNodeData('camera')).get('cameraId'), chinese)).toBe('请选择摄像头');
    // Every message a new node's schema gives is one the catalogue knows, not the schema's English words.
    for (const type of nodeTypes) for (const [field, issue] of configIssues(type, initialNodeData(type))) expect('key' in issue, `${type}.${field}`).toBe(true);
  });

  it('gives the schema message for an invalid field and none for a valid config', () => {
    expect(say(configIssues('callback', { url: 'ftp://x' }).get('url'))).toBe('callback URLs must be http:// or https://');
    expect(say(configIssues('callback', { url: 'ftp://x' }).get('url'), chinese)).toBe('回调地址必须以 http:// 或 https:// 开头');
    expect(configIssues('callback', { url: 'https://example.com/hook' }).size).toBe(0);
  });

  it('words zod\'s own checks per issue code, nested paths included', () => {
    const issues = configIssues('camera', { cameraId: 'c', fps: 0, width: 1.5, extra: true });
    expect(say(issues.get('fps'))).toBe('at least 1');
    expect(say(issues.get('fps'), chinese)).toBe('不能小于 1');
    expect(say(issues.get('width'))).toBe('a whole number');
    expect(say(issues.get(''))).toBe('unknown settings: extra');
    expect(say(configIssues('rule', { alarmType: 'x', schedule: { timezone: 'UTC', windows: [{ days: [1], start: '25:00', end: '08:00' }] } }).get('schedule'))).toBe('windows.0.start: a time as HH:MM');
    expect(say(configIssues('roi', { regions: [], anchor: 'left' }).get('anchor'))).toBe('one of bottom-center, center, top-center');
  });
});
