import { describe, expect, it } from 'vitest';
import { classifyCamera, countByStatus, type CameraEvidence } from './camera-status';

const rtsp = { id: 'cam_a', enabled: true, streamUrl: 'rtsp://10.0.0.5/stream1' };
const file = { id: 'cam_f', enabled: true, streamUrl: 'file:///videos/lobby.mp4' };

function evidence(overrides: Partial<CameraEvidence> = {}): CameraEvidence {
  return { relays: new Map(), analyzers: new Map(), expected: new Set(), ...overrides };
}

describe('classifyCamera', () => {
  it('is disabled when an operator turned it off, whatever streams', () => {
    expect(classifyCamera({ ...rtsp, enabled: false }, evidence({ relays: new Map([['cam_a', 'publishing']]) }))).toEqual({ status: 'disabled', reason: 'disabled' });
  });

  it('is online when its relay publishes, even with no pipeline asking', () => {
    expect(classifyCamera(rtsp, evidence({ relays: new Map([['cam_a', 'publishing']]) }))).toEqual({ status: 'online', reason: 'relay-publishing' });
  });

  it('is online when an analyzer reads it (files have no relay)', () => {
    const analyzers = new Map([['cam_f', [{ pipelineId: 'pip_1', ready: false }, { pipelineId: 'pip_2', ready: true }]]]);
    expect(classifyCamera(file, evidence({ analyzers, expected: new Set(['cam_f']) }))).toEqual({ status: 'online', reason: 'analyzer-streaming' });
  });

  it('is unwatched when no running pipeline uses it and nothing streams', () => {
    expect(classifyCamera(rtsp, evidence())).toEqual({ status: 'unwatched', reason: 'not-in-running-pipeline' });
  });

  it('is offline when a running pipeline needs it and its relay reconnects or is missing', () => {
    const expected = new Set(['cam_a']);
    expect(classifyCamera(rtsp, evidence({ expected, relays: new Map([['cam_a', 'reconnecting']]) }))).toEqual({ status: 'offline', reason: 'relay-reconnecting' });
    expect(classifyCamera(rtsp, evidence({ expected }))).toEqual({ status: 'offline', reason: 'relay-missing' });
  });

  it('is offline when its analyzer reports it is not streaming, and unknown when nothing answered', () => {
    const expected = new Set(['cam_f', 'cam_a']);
    expect(classifyCamera(file, evidence({ expected, analyzers: new Map([['cam_f', [{ pipelineId: 'pip_1', ready: false }]]]) }))).toEqual({ status: 'offline', reason: 'analyzer-not-streaming' });
    // The media server is down (relays null) and the pipeline's workflow did not answer: no evidence either way.
    expect(classifyCamera(rtsp, evidence({ expected, relays: null }))).toEqual({ status: 'unknown', reason: 'no-answer' });
  });
});

describe('countByStatus', () => {
  it('counts every status, zero included', () => {
    expect(countByStatus(['a', 'b', 'a'], ['a', 'b', 'c'])).toEqual({ a: 2, b: 1, c: 0 });
  });
});
