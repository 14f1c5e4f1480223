import type { AlarmEvent } from '../lib/contracts/alarms';
import { IouTracker } from '../lib/analysis/iou-tracker';
import { MotionGate } from '../lib/analysis/motion-gate';
import { RuleEvaluator, type IncidentEvent } from '../lib/analysis/rule-evaluator';
import type { Detection, TrackedObject } from '../lib/analysis/tracked-object';
import type { AnalyzerAlgorithmSpec, RuleSpec } from '../lib/pipeline/pipeline-spec';
import type { AnalyzerRunSpec } from './analyzer-run-spec';
import type { InferenceResult } from './algorithm-client';

export interface Frame {
  data: Buffer;
  width: number;
  height: number;
  /** Wall-clock time of the frame (ms). */
  time: number;
}

export interface AnalysisDeps {
  infer(algorithmNodeId: string, frame: Frame): Promise<InferenceResult>;
  newAlarmId(): string;
}

interface RuleState {
  rule: RuleSpec;
  evaluator: RuleEvaluator;
  alarmIds: Map<number, string>;
}

interface AlgorithmState {
  spec: AnalyzerAlgorithmSpec;
  tracker: IouTracker;
  rules: RuleState[];
  lastDetections: Detection[];
}

/** An alarm event with the rule that raised it (its regions are drawn on the snapshot). */
export interface RaisedEvent {
  event: AlarmEvent;
  rule: RuleSpec;
}

export interface FrameOutcome {
  events: RaisedEvent[];
  /** Tracked objects per algorithm node, for drawing the annotated restream. */
  objects: Map<string, TrackedObject[]>;
  inferred: boolean;
  inferenceMs: number;
}

/** One camera's analysis: the pure engine (gate, tracker, rules) around the algorithm calls. */
export class StreamAnalysis {
  private readonly algorithms: AlgorithmState[];
  private readonly gate: MotionGate | undefined;
  readonly stats = { frames: 0, inferred: 0, skippedByMotionGate: 0, inferenceErrors: 0, events: 0 };

  constructor(
    private readonly run: AnalyzerRunSpec,
    private readonly deps: AnalysisDeps,
  ) {
    const frame = { width: run.analyzer.width, height: run.analyzer.height };
    this.gate = run.motionGate ? new MotionGate() : undefined;
    this.algorithms = run.analyzer.algorithms.map((spec) => ({
      spec,
      tracker: new IouTracker({ minIou: 0.3, maxCentreJump: 0.1, maxAgeMs: 1500 }, frame),
      rules: spec.rules.map((rule) => ({ rule, evaluator: new RuleEvaluator(rule, frame), alarmIds: new Map() })),
      lastDetections: [],
    }));
  }

  async processFrame(frame: Frame): Promise<FrameOutcome> {
    this.stats.frames += 1;
    const infer = !this.gate || this.gate.shouldInfer(frame, frame.time);
    if (!infer) this.stats.skippedByMotionGate += 1;
    let inferenceMs = 0;
    const events: RaisedEvent[] = [];
    const objects = new Map<string, TrackedObject[]>();
    for (const state of this.algorithms) {
      if (infer) {
        const result = await this.deps.infer(state.spec.algorithmNodeId, frame);
        inferenceMs += result.latencyMs;
        state.lastDetections = result.detections.filter((detection) => detection.score >= state.spec.minScore);
      }
      // On a still frame the last detections stand: the objects have not moved.
      const tracked = state.tracker.update(state.lastDetections, frame.time);
      objects.set(state.spec.algorithmNodeId, tracked);
      for (const ruleState of state.rules) {
        for (const incident of ruleState.evaluator.evaluate(frame.time, tracked)) events.push({ event: this.toAlarmEvent(state, ruleState, incident), rule: ruleState.rule });
      }
    }
    if (infer) this.stats.inferred += 1;
    this.stats.events += events.length;
    return { events, objects, inferred: infer, inferenceMs };
  }

  /** Ends every running incident (the analyzer is stopping). */
  flush(time: number): AlarmEvent[] {
    return this.algorithms.flatMap((state) => state.rules.flatMap((ruleState) => ruleState.evaluator.flush(time).map((incident) => this.toAlarmEvent(state, ruleState, incident))));
  }

  private toAlarmEvent(state: AlgorithmState, ruleState: RuleState, incident: IncidentEvent): AlarmEvent {
    let id = ruleState.alarmIds.get(incident.incident);
    if (!id) {
      id = this.deps.newAlarmId();
      ruleState.alarmIds.set(incident.incident, id);
    }
    if (incident.state === 'end') ruleState.alarmIds.delete(incident.incident);
    const algorithm = this.run.algorithms[state.spec.algorithmId];
    return {
      id,
      version: 1,
      type: ruleState.rule.alarmType,
      state: incident.state,
      time: new Date(incident.time).toISOString(),
      pipeline: this.run.pipeline,
      camera: { id: this.run.analyzer.cameraId, name: this.run.analyzer.cameraName },
      algorithm: { id: state.spec.algorithmId, name: algorithm?.name ?? state.spec.algorithmId, version: algorithm?.version ?? '' },
      objects: incident.objects.map((object) => ({ label: object.label, score: Number(object.score.toFixed(3)), box: object.box, trackId: object.trackId })),
      ...(incident.region ? { region: incident.region } : {}),
    };
  }
}
