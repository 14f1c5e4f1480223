import { describe, expect, it } from 'vitest';
import { SupervisedFfmpeg, type SupervisedStatus } from '../media/supervised-ffmpeg';
import { waitFor } from './media-fixtures';

// The restart loop with stand-in binaries: no media, only the state machine and its error reporting.
const quickBackoff = { initialMs: 100, maxMs: 400, factor: 2, jitter: 0 };

describe('SupervisedFfmpeg', () => {
  it('reports a binary that cannot run, and keeps retrying with growing delays', async () => {
    const states: SupervisedStatus[] = [];
    const ffmpeg = new SupervisedFfmpeg({ args: () => [], ffmpegPath: '/nonexistent/ffmpeg', stallTimeoutMs: 5000, backoff: quickBackoff });
    ffmpeg.on('state', (status) => states.push(status));
    ffmpeg.start();
    await waitFor('three restarts', () => ffmpeg.status().restarts >= 3, 5000, 20);
    expect(ffmpeg.status().lastError).toMatch(/^could not open the source: cannot run ffmpeg: spawn \/nonexistent\/ffmpeg ENOENT/);
    const delays = states.filter((status) => status.state === 'backoff').map((status) => status.nextAttemptAt! - status.since);
    expect(delays.slice(0, 3).map((delay) => Math.round(delay / 100) * 100)).toEqual([100, 200, 400]);
    await ffmpeg.stop();
    expect(ffmpeg.status().state).toBe('stopped');
  });

  it('kills a run that never makes progress, naming the stall, and ends cleanly on request', async () => {
    // `sleep` stands in for an ffmpeg stuck on a silent source.
    const ffmpeg = new SupervisedFfmpeg({ args: () => ['30'], ffmpegPath: 'sleep', stallTimeoutMs: 300, backoff: quickBackoff });
    ffmpeg.start();
    const error = await waitFor('the stall', () => ffmpeg.status().lastError, 3000, 20);
    expect(error).toBe('no frame within 0.3 s of connecting (source silent or unreachable)');
    const started = Date.now();
    await ffmpeg.stop();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('treats a clean exit as the end of a file source, and progress as streaming', async () => {
    const ffmpeg = new SupervisedFfmpeg({ args: () => ['0.3'], ffmpegPath: 'sleep', stallTimeoutMs: 2000, cleanExitEnds: true, onRun: () => setTimeout(() => ffmpeg.reportProgress(), 50) });
    ffmpeg.start();
    await waitFor('streaming', () => ffmpeg.status().state === 'streaming', 2000, 10);
    await waitFor('the end', () => ffmpeg.status().state === 'ended', 3000, 20);
    expect(ffmpeg.status()).toMatchObject({ state: 'ended', restarts: 0 });
    expect(ffmpeg.status().lastError).toBeUndefined();
  });
});
