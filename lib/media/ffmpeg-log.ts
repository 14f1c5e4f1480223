/** What ffmpeg printed, parsed from `-loglevel level+…` output (every line carries its level in brackets). */
export interface FfmpegLogLine {
  level: 'fatal' | 'error' | 'warning' | 'info' | 'verbose' | 'debug' | 'other';
  message: string;
}

/** The source's own video stream as ffmpeg's input banner describes it. */
export interface SourceVideo {
  codec: string;
  width: number;
  height: number;
  fps?: number;
}

const levelPattern = /^(?:\[[^\]]*@ 0x[0-9a-f]+\] )?\[(fatal|error|warning|info|verbose|debug|panic|quiet|trace)\] ?(.*)$/;

export function parseFfmpegLogLine(line: string): FfmpegLogLine {
  const match = levelPattern.exec(line);
  if (!match) return { level: 'other', message: line };
  const raw = match[1]!;
  const level = raw === 'panic' ? 'fatal' : raw === 'trace' ? 'debug' : (raw as FfmpegLogLine['level']);
  const context = /^\[([^\]@]+) @/.exec(line)?.[1]?.trim();
  return { level, message: context ? `${context}: ${match[2] ?? ''}` : (match[2] ?? '') };
}

/**
 * Reads the input banner: the first "Stream #0:N: Video: …" after "Input #0" describes the source.
 * Stateful because ffmpeg prints the same Stream lines again for its outputs.
 */
export class InputBannerReader {
  private section: 'none' | 'input' | 'output' = 'none';
  source: SourceVideo | undefined;

  feed(message: string): void {
    if (message.startsWith('Input #')) this.section = 'input';
    else if (message.startsWith('Output #') || message.startsWith('Stream mapping')) this.section = 'output';
    else if (this.section === 'input' && !this.source) this.source = parseVideoStreamLine(message);
  }
}

export function parseVideoStreamLine(message: string): SourceVideo | undefined {
  const match = /Stream #\d+:\d+.*?: Video: ([a-z0-9_]+)/i.exec(message);
  if (!match) return undefined;
  const size = /, (\d{2,5})x(\d{2,5})[ ,]/.exec(`${message} `);
  const fps = /, ([\d.]+) (?:fps|tbr)\b/.exec(message);
  return {
    codec: match[1]!,
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
    ...(fps ? { fps: Number(fps[1]) } : {}),
  };
}

/** One block of `-progress` output (key=value lines ending with progress=continue|end). */
export interface FfmpegProgress {
  frame: number;
  fps: number;
  /** Output bitrate in bits per second, when ffmpeg knows it. */
  bitrate?: number;
  ended: boolean;
}

export class ProgressReader {
  private fields = new Map<string, string>();

  /** Returns a finished block when the line closes one. */
  feed(line: string): FfmpegProgress | undefined {
    const index = line.indexOf('=');
    if (index <= 0) return undefined;
    const key = line.slice(0, index).trim();
    const value = line.slice(index + 1).trim();
    if (key !== 'progress') {
      this.fields.set(key, value);
      return undefined;
    }
    const kbits = /^([\d.]+)kbits\/s$/.exec(this.fields.get('bitrate') ?? '');
    const block: FfmpegProgress = {
      frame: Number(this.fields.get('frame') ?? 0) || 0,
      fps: Number(this.fields.get('fps') ?? 0) || 0,
      ...(kbits ? { bitrate: Math.round(Number(kbits[1]) * 1000) } : {}),
      ended: value === 'end',
    };
    this.fields = new Map();
    return block;
  }
}
