import { describe, expect, it } from 'vitest';
import { IncidentVerifications, objectToVerify, toVerification } from './alarm-verification';

const box = { x: 0, y: 0, width: 10, height: 10 };

describe('alarm verification (the pure part)', () => {
  it('verifies the highest-scoring object, as training crops it; none without objects', () => {
    const objects = [
      { label: 'person', score: 0.4, box },
      { label: 'person', score: 0.9, box: { ...box, x: 50 } },
      { label: 'car', score: 0.7, box },
    ];
    expect(objectToVerify(objects)?.box.x).toBe(50);
    expect(objectToVerify([])).toBeUndefined();
  });

  it('turns a score into a verdict at 0.5, rounded, and refuses what is not a probability', () => {
    expect(toVerification('mdv_a', 0.73456)).toEqual({ modelVersionId: 'mdv_a', score: 0.7346, verdict: 'true' });
    expect(toVerification('mdv_a', 0.5).verdict).toBe('true');
    expect(toVerification('mdv_a', 0.4999).verdict).toBe('false');
    expect(() => toVerification('mdv_a', Number.NaN)).toThrow(/probability/);
    expect(() => toVerification('mdv_a', 1.2)).toThrow(/probability/);
  });

  it('remembers an incident\'s verification until it is forgotten', () => {
    const memory = new IncidentVerifications();
    const verification = toVerification('mdv_a', 0.1);
    memory.remember('alm_1', verification);
    expect(memory.recall('alm_1')).toEqual(verification);
    expect(memory.recall('alm_2')).toBeUndefined();
    memory.forget('alm_1');
    expect(memory.recall('alm_1')).toBeUndefined();
    expect(memory.size).toBe(0);
  });
});
