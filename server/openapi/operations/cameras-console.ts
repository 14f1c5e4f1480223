import { importCamerasBodySchema, importCamerasResultSchema, probeCameraBodySchema, probeResultSchema } from '../../../lib/contracts/cameras';
import type { ApiOperation } from '../api-operation';

/** The operator console's camera tools: Test connection and CSV import. */
export const cameraConsoleOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/cameras/probe',
    summary: 'Test connection: ffprobe a stream URL (credentials in fields, or the stored ones of cameraId) or a saved camera within timeoutSeconds; codec, size and fps, or 502 camera_unreachable with the reason. Credentials are never returned',
    tag: 'cameras',
    access: 'operator',
    body: probeCameraBodySchema,
    response: probeResultSchema,
  },
  {
    method: 'post',
    path: '/cameras/import',
    summary: 'Import cameras from CSV rows, all or nothing: one invalid row imports none and the 400 lists every row\'s problems (details: [{row, path, message}]); one audit entry',
    tag: 'cameras',
    access: 'operator',
    body: importCamerasBodySchema,
    response: importCamerasResultSchema,
    successStatus: 201,
  },
];
