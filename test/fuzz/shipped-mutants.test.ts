// Fuzzing as a test (issue 9), first source: mutants of the shipped scenarios (scenarios/*.yaml),
// each in turn. See fuzz-suite.ts for what is checked and options.ts for the settings.
import { fuzzSuite } from './fuzz-suite.js';

fuzzSuite('shipped');
