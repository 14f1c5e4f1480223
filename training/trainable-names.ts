/** The trainable algorithms by name, without loading them: the console lists these (importing the registry would pull tfjs into the web bundle). */
export const trainableNames = ['mnist-mlp', 'alarm-verifier'] as const;
export type TrainableName = (typeof trainableNames)[number];
