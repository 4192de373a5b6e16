// The deployment kinds msksim knows. Express and Serverless register here when they exist.
import { registerKind } from './deployment-kind.js';
import { provisionedKind } from './provisioned.js';

registerKind(provisionedKind);
