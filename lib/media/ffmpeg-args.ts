import type { StreamScheme } from '../cameras/stream-url';

/** Input options per source kind: fail fast on dead network sources, start fast on live ones. */
export function inputOptions(scheme: StreamScheme, timeoutSeconds: number): string[] {
  const microseconds = String(Math.round(timeoutSeconds * 1_000_000));
  switch (scheme) {
    case 'rtsp':
    case 'rtsps':
      // TCP: UDP through NAT and firewalls loses packets and smears frames; -timeout is the socket timeout.
      return ['-rtsp_transport', 'tcp', '-timeout', microseconds, '-analyzeduration', '1000000', '-probesize', '1000000'];
    case 'rtmp':
    case 'rtmps':
    case 'http':
    case 'https':
      // Measured (notes/media.md): default probing takes ~5 s on live RTMP, 1 s of analysis ~0.8 s.
      return ['-rw_timeout', microseconds, '-analyzeduration', '1000000', '-probesize', '1000000', '-fflags', 'nobuffer'];
    case 'file':
      return [];
  }
}

export type FfmpegPreset =
  | { preset: 'snapshot'; input: string; scheme: StreamScheme; timeoutSeconds: number; maxWidth?: number }
  | { preset: 'probe-frame'; input: string; scheme: StreamScheme; timeoutSeconds: number };

/** ffmpeg argv for a named preset; pure so that every flag is unit-tested. */
export function buildFfmpegArgs(options: FfmpegPreset): string[] {
  const base = ['-hide_banner', '-nostdin', '-loglevel', 'error', ...inputOptions(options.scheme, options.timeoutSeconds)];
  const input = ['-i', options.scheme === 'file' ? decodeURIComponent(new URL(options.input).pathname) : options.input];
  switch (options.preset) {
    case 'snapshot': {
      const scale = options.maxWidth ? ['-vf', `scale='min(${options.maxWidth},iw)':-2`] : [];
      return [...base, ...input, '-an', '-frames:v', '1', ...scale, '-q:v', '3', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1'];
    }
    case 'probe-frame':
      return [...base, ...input, '-an', '-frames:v', '1', '-f', 'null', '-'];
  }
}
