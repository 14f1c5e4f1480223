import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../_lib/api-fetch';
import { describeApiError } from './describe-api-error';

const texts = { lastAdmin: 'LAST', forbidden: 'FORBIDDEN', network: 'NETWORK', failed: (message: string) => `FAILED ${message}` };

describe('describeApiError', () => {
  it('names the last-admin protection in the screen language, not the server text', () => {
    const error = new ApiError(409, 'conflict', 'Cannot delete the last enabled admin', { reason: 'last_admin' });
    expect(describeApiError(error, texts)).toEqual({ message: 'LAST', fields: [] });
  });

  it('lists field problems of a validation error by path', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid body', [{ path: 'retentionDays', message: 'Too small' }, { path: '', message: 'bad' }, 'junk']);
    expect(describeApiError(error, texts)).toEqual({ message: 'FAILED Invalid body', fields: ['retentionDays: Too small', '(body): bad'] });
  });

  it('says forbidden, network and other failures plainly', () => {
    expect(describeApiError(new ApiError(403, 'forbidden', 'needs admin'), texts).message).toBe('FORBIDDEN');
    expect(describeApiError(new ApiError(0, 'network_error', 'x'), texts).message).toBe('NETWORK');
    expect(describeApiError(new ApiError(409, 'conflict', 'taken'), texts).message).toBe('FAILED taken');
    expect(describeApiError(new Error('boom'), texts).message).toBe('FAILED boom');
  });
});
