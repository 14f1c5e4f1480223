'use client';

let context: AudioContext | undefined;

/** Creates the audio context; call it from a user gesture (ticking the sound box), as browsers require. */
export function unlockAlarmTone(): void {
  context ??= new AudioContext();
  void context.resume();
}

/** A short two-tone chime for a new alarm (no media file to fetch). Silently does nothing when audio is unavailable. */
export function playAlarmTone(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // No audio output: the visual indicator still shows the alarm.
  }
}
