import { describe, expect, it } from 'vitest';
import { configFieldsFor, configIssues, initialNodeData } from './config-fields';

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
});

describe('initialNodeData and configIssues', () => {
  it('starts a node from its defaults, with empty required fields whose messages read well', () => {
    expect(initialNodeData('callback')).toEqual({ url: '', timeoutSeconds: 10 });
    expect(initialNodeData('roi')).toEqual({ regions: [], anchor: 'bottom-center' });
    expect(configIssues('roi', initialNodeData('roi')).get('regions')).toBe('draw at least one region');
    expect(configIssues('camera', initialNodeData('camera')).get('cameraId')).toBe('choose a camera');
  });

  it('gives the schema message for an invalid field and none for a valid config', () => {
    expect(configIssues('callback', { url: 'ftp://x' }).get('url')).toBe('callback URLs must be http:// or https://');
    expect(configIssues('callback', { url: 'https://example.com/hook' }).size).toBe(0);
  });
});
