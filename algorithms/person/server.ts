// The person algorithm server (DESIGN.md §4.1): node --import tsx algorithms/person/server.ts --port N
import { runAlgorithmServer } from '../shared/run-algorithm-server';

await runAlgorithmServer('person');
