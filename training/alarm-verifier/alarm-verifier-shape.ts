import type { MlpShape } from '../mlp/mlp-layout';

export const alarmCropSize = 32;
/** Class 0: the operator marked the alarm false; class 1: true. */
export const alarmVerifierClasses = ['false-alarm', 'true-alarm'] as const;
/** The index of the class whose probability is the verifier's score. */
export const trueAlarmClass = 1;

/** Kept apart from the tfjs code: the web app checks a model's layout before publishing it, without loading tfjs. */
export const alarmVerifierShape: MlpShape = { inputSize: alarmCropSize * alarmCropSize, hidden: [64], classes: alarmVerifierClasses.length };
