// Fuzzing as a test (issue 9), second source: mutants of generated scenarios (generate.ts),
// which reach what the shipped ones leave out (traces, replays, overrides, explicit windows).
import { fuzzSuite } from './fuzz-suite.js';

fuzzSuite('generated');
