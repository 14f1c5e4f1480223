import { describe, expect, it } from 'vitest';
import { routeFlvRequest } from './flv-request-route';

describe('routeFlvRequest', () => {
  it('passes well-formed stream requests and everything that is not a stream', () => {
    expect(routeFlvRequest('/live/pip_1_cam_1.flv', false)).toEqual({ action: 'pass' });
    expect(routeFlvRequest('/live/pip_1_cam_1.flv?sign=1-abc', true)).toEqual({ action: 'pass' });
    expect(routeFlvRequest('/favicon.ico', false)).toEqual({ action: 'pass' });
  });

  it('rejects stream names the media server would crash on', () => {
    expect(routeFlvRequest('/live/a%20b.flv', false).action).toBe('reject');
    expect(routeFlvRequest('/live/a.b.flv', false).action).toBe('reject');
    expect(routeFlvRequest('/x', true).action).toBe('reject');
  });

  it('rewrites the seed alias to the stored stream, keeping the query', () => {
    expect(routeFlvRequest('/echostream/cam_1*alg_2*.flv?x=1', false)).toEqual({ action: 'rewrite', url: '/echostream/cam_1-alg_2.flv?x=1' });
  });
});
