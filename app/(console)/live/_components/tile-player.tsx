'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';

/**
 * One live HTTP-FLV player (mpegts.js over Media Source Extensions), muted so that it starts by itself. It exists only
 * while mounted: the grid mounts players for on-page, on-screen tiles only, and unmounting destroys the player.
 */
export function TilePlayer({ url, label, onProblem }: { url: string; label: string; onProblem: (problem: string | undefined) => void }) {
  const t = useTranslations('live.status');
  const video = useRef<HTMLVideoElement>(null);
  const report = useRef(onProblem);
  report.current = onProblem;
  const [tries, setTries] = useState(0);

  useEffect(() => {
    let destroyed = false;
    let player: { destroy(): void } | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    report.current(undefined);
    void import('mpegts.js').then(({ default: mpegts }) => {
      if (destroyed || !video.current) return;
      if (!mpegts.getFeatureList().mseLivePlayback) {
        report.current(t('unsupported'));
        return;
      }
      // Video only: the media server's FLV header announces audio the restream never carries.
      const instance = mpegts.createPlayer({ type: 'flv', isLive: true, url, hasAudio: false, hasVideo: true }, { enableStashBuffer: false, liveBufferLatencyChasing: true });
      instance.on(mpegts.Events.ERROR, (type: string, detail: string) => {
        report.current(t('playbackFailed', { message: `${type} ${detail}` }));
        // The publisher may come back (analyzer restart): try again in a while rather than staying black.
        retry = setTimeout(() => setTries((count) => count + 1), 5000);
      });
      instance.attachMediaElement(video.current);
      instance.load();
      void Promise.resolve(instance.play()).catch(() => report.current(t('refused')));
      player = instance;
    });
    return () => {
      destroyed = true;
      clearTimeout(retry);
      player?.destroy();
    };
  }, [url, tries, t]);

  return <video ref={video} className="live-video" muted playsInline aria-label={label} />;
}
