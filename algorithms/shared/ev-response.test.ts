import { describe, expect, it } from 'vitest';
import { toEvResponse } from './ev-response';

describe('toEvResponse', () => {
  const frame = { width: 100, height: 50 };

  it('rounds boxes to whole pixels and confidences to 3 decimals', () => {
    const answer = toEvResponse([{ x: 10.4, y: 5.6, width: 20.2, height: 10.1, name: 'person', confidence: 0.86749 }], frame);
    expect(answer).toEqual({
      algorithm_data: { is_alert: true, target_info: [{ x: 10, y: 6, width: 21, height: 10, name: 'person', confidence: 0.867 }] },
      model_data: { objects: [{ x: 10, y: 6, width: 21, height: 10, name: 'person', confidence: 0.867 }] },
    });
  });

  it('clamps boxes into the frame and drops those left without area', () => {
    const answer = toEvResponse(
      [
        { x: -5, y: 40, width: 30, height: 30, name: 'face', confidence: 1.2 },
        { x: 120, y: 0, width: 10, height: 10, name: 'face', confidence: 0.5 },
      ],
      frame,
    );
    expect(answer.model_data.objects).toEqual([{ x: 0, y: 40, width: 25, height: 10, name: 'face', confidence: 1 }]);
  });

  it('answers the non-alarm shape when nothing is found', () => {
    expect(toEvResponse([], frame)).toEqual({ algorithm_data: { is_alert: false, target_info: [] }, model_data: { objects: [] } });
  });
});
