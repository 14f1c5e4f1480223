import { z } from 'zod';
import { algorithmManifestSchema } from '../../../lib/algorithms/manifest-schema';
import { algorithmSchema, listAlgorithmsQuerySchema } from '../../../lib/contracts/algorithms';
import { alarmEventSchema, alarmPageSchema, alarmSchema, ingestAlarmEventBodySchema, listAlarmsQuerySchema } from '../../../lib/contracts/alarms';
import { cameraSchema, createCameraBodySchema, updateCameraBodySchema } from '../../../lib/contracts/cameras';
import { createPipelineBodySchema, createRevisionBodySchema, pipelineRevisionSchema, pipelineSchema, updatePipelineBodySchema } from '../../../lib/contracts/pipelines';
import { pipelineGraphSchema } from '../../../lib/pipeline/graph-schema';
import { deployBodySchema, diffQuerySchema, graphDiffSchema, validateGraphBodySchema, validateGraphResultSchema } from '../../../lib/contracts/pipeline-builder';
import { streamsResponseSchema } from '../../../lib/media/stream-status';
import type { ApiOperation } from '../api-operation';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const cameraOperations: ApiOperation[] = [
  { method: 'get', path: '/cameras', summary: 'List cameras (credentials never included)', tag: 'cameras', access: 'viewer', response: items(cameraSchema) },
  { method: 'post', path: '/cameras', summary: 'Add a camera; credentials in the URL or fields are stored encrypted', tag: 'cameras', access: 'operator', body: createCameraBodySchema, response: cameraSchema, successStatus: 201 },
  { method: 'get', path: '/cameras/{id}', summary: 'Get a camera', tag: 'cameras', access: 'viewer', response: cameraSchema },
  { method: 'patch', path: '/cameras/{id}', summary: 'Change a camera; a new URL without credentials keeps the stored ones', tag: 'cameras', access: 'operator', body: updateCameraBodySchema, response: cameraSchema },
  { method: 'delete', path: '/cameras/{id}', summary: 'Delete a camera no pipeline uses (409 otherwise)', tag: 'cameras', access: 'operator', successStatus: 204 },
  { method: 'get', path: '/streams', summary: 'Streams live on the media server (relays, annotated restreams, their seed aliases) with players, bitrates and HTTP-FLV/RTMP URLs; 503 when the media server does not answer', tag: 'cameras', access: 'viewer', response: streamsResponseSchema },
  { method: 'get', path: '/cameras/{id}/snapshot', summary: 'The current frame as image/jpeg (ffmpeg, with a timeout); 502 camera_unreachable when no frame comes', tag: 'cameras', access: 'viewer' },
];

export const algorithmOperations: ApiOperation[] = [
  { method: 'get', path: '/algorithms', summary: 'List registered algorithm versions', tag: 'algorithms', access: 'viewer', query: listAlgorithmsQuerySchema, response: items(algorithmSchema) },
  { method: 'post', path: '/algorithms', summary: 'Register an algorithm version from its vigil-algorithm.json manifest', tag: 'algorithms', access: 'operator', body: algorithmManifestSchema, response: algorithmSchema, successStatus: 201 },
  { method: 'get', path: '/algorithms/{id}', summary: 'Get an algorithm version', tag: 'algorithms', access: 'viewer', response: algorithmSchema },
  { method: 'delete', path: '/algorithms/{id}', summary: 'Delete an algorithm version no pipeline uses', tag: 'algorithms', access: 'operator', successStatus: 204 },
];

export const pipelineOperations: ApiOperation[] = [
  { method: 'get', path: '/pipelines', summary: 'List pipelines', tag: 'pipelines', access: 'viewer', response: items(pipelineSchema) },
  { method: 'post', path: '/pipelines', summary: 'Create a pipeline and its revision 1', tag: 'pipelines', access: 'operator', body: createPipelineBodySchema, response: pipelineSchema, successStatus: 201 },
  { method: 'get', path: '/pipelines/{id}', summary: 'Get a pipeline with the graph of its latest revision', tag: 'pipelines', access: 'viewer', response: pipelineSchema.extend({ graph: pipelineGraphSchema }) },
  { method: 'patch', path: '/pipelines/{id}', summary: 'Rename or re-describe a pipeline', tag: 'pipelines', access: 'operator', body: updatePipelineBodySchema, response: pipelineSchema },
  { method: 'delete', path: '/pipelines/{id}', summary: 'Delete a stopped pipeline and its revisions', tag: 'pipelines', access: 'operator', successStatus: 204 },
  { method: 'get', path: '/pipelines/{id}/revisions', summary: 'List revisions, newest first', tag: 'pipelines', access: 'viewer', response: items(pipelineRevisionSchema.omit({ graph: true })) },
  { method: 'post', path: '/pipelines/{id}/revisions', summary: 'Save a graph as the next immutable revision (409 when baseRevision is stale)', tag: 'pipelines', access: 'operator', body: createRevisionBodySchema, response: pipelineRevisionSchema, successStatus: 201 },
  { method: 'get', path: '/pipelines/{id}/revisions/{revision}', summary: 'Get one revision', tag: 'pipelines', access: 'viewer', response: pipelineRevisionSchema },
  { method: 'post', path: '/pipelines/{id}/revisions/{revision}/restore', summary: 'Save an old revision\'s graph as the next revision', tag: 'pipelines', access: 'operator', response: pipelineRevisionSchema, successStatus: 201 },
  { method: 'get', path: '/pipelines/{id}/diff', summary: 'What changed between two revisions (nodes, edges, config fields)', tag: 'pipelines', access: 'viewer', query: diffQuerySchema, response: graphDiffSchema },
  { method: 'post', path: '/pipelines/validate', summary: 'Compile a graph without saving: {ok:true, spec} or {ok:false, errors} naming nodes and edges', tag: 'pipelines', access: 'viewer', body: validateGraphBodySchema, response: validateGraphResultSchema },
  { method: 'post', path: '/pipelines/{id}/deploy', summary: 'Deploy a revision (default: the latest): starts the pipeline workflow or rolls the running one to it; 422 compile_failed with the errors', tag: 'pipelines', access: 'operator', body: deployBodySchema, successStatus: 202 },
  { method: 'post', path: '/pipelines/{id}/stop', summary: 'Stop a deployed pipeline: its analyzers go, its claims on algorithm servers are dropped', tag: 'pipelines', access: 'operator', successStatus: 202 },
  { method: 'get', path: '/pipelines/{id}/status', summary: 'Live status per camera and algorithm (running/restarting/failed, fps, restarts) from the pipeline workflow', tag: 'pipelines', access: 'viewer' },
];

export const alarmOperations: ApiOperation[] = [
  { method: 'get', path: '/alarms', summary: 'List alarms newest first, filtered, with cursor pagination', tag: 'alarms', access: 'viewer', query: listAlarmsQuerySchema, response: alarmPageSchema },
  { method: 'get', path: '/alarms/{id}', summary: 'Get an alarm', tag: 'alarms', access: 'viewer', response: alarmSchema },
  { method: 'get', path: '/alarms/{id}/snapshot', summary: 'The alarm\'s annotated snapshot (image/jpeg)', tag: 'alarms', access: 'viewer' },
  { method: 'post', path: '/alarms/events', summary: 'Analyzers report an incident transition (start/update/end) with its snapshot; idempotent; pushed live on /ws', tag: 'alarms', access: 'operator', body: ingestAlarmEventBodySchema, response: alarmEventSchema, successStatus: 201 },
];
