'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';

/**
 * Plays a live HTTP-FLV stream (the annotated restream) with mpegts.js over Media Source Extensions. Muted so
 * that browsers allow it to start by itself; latency chasing keeps it near live instead of drifting behind.
 */
export function FlvPlayer({ url, label }: { url: string; label: string }) {
  const t = useTranslations('pipelines.player');
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let destroyed = false;
    let player: { destroy(): void } | undefined;
    void import('mpegts.js').then(({ default: mpegts }) => {
      if (destroyed || !video.current) return;
      if (!mpegts.getFeatureList().mseLivePlayback) {
        setProblem(t('noMse'));
        return;
      }
      // Video only: the media server's FLV header always announces audio, and the player would wait for it forever.
      const instance = mpegts.createPlayer({ type: 'flv', isLive: true, url, hasAudio: false, hasVideo: true }, { enableStashBuffer: false, liveBufferLatencyChasing: true });
      instance.on(mpegts.Events.ERROR, (type: string, detail: string) => setProblem(t('failed', { type, detail })));
      instance.attachMediaElement(video.current);
      instance.load();
      void Promise.resolve(instance.play()).catch(() => setProblem(t('refused')));
      player = instance;
    });
    return () => {
      destroyed = true;
      player?.destroy();
    };
  }, [url, t]);

  return (
    <figure className="flv-player">
      <video ref={video} muted playsInline controls aria-label={label} />
      <figcaption>{problem ? <span role="alert">{problem}</span> : label}</figcaption>
    </figure>
  );
}
