// The face algorithm server (DESIGN.md §4.1): node --import tsx algorithms/face/server.ts --port N
import { runAlgorithmServer } from '../shared/run-algorithm-server';

await runAlgorithmServer('face');
