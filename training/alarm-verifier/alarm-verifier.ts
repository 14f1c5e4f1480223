import { createMlpTrainable } from '../mlp/mlp-trainable';

export const alarmCropSize = 32;
/** Class 0: the operator marked the alarm false; class 1: true. */
export const alarmVerifierClasses = ['false-alarm', 'true-alarm'] as const;

/**
 * Scores an alarm's object crop as true or false alarm, learnt at each site from the labels its operators
 * give in the UI (issue 7, 2b): a small dense network over 32×32 grey crops, cheap enough to train on a
 * site's CPU between alarms.
 */
export const alarmVerifierTrainable = createMlpTrainable({
  name: 'alarm-verifier',
  width: alarmCropSize,
  height: alarmCropSize,
  shape: { inputSize: alarmCropSize * alarmCropSize, hidden: [64], classes: alarmVerifierClasses.length },
});
