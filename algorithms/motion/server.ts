// The motion algorithm server (DESIGN.md §4.1): node --import tsx algorithms/motion/server.ts --port N
import { runAlgorithmServer } from '../shared/run-algorithm-server';

await runAlgorithmServer('motion');
