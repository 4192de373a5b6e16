// The deployment kinds msksim knows. Express registers here when it exists.
import { registerKind } from './deployment-kind.js';
import { provisionedKind } from './provisioned.js';
import { serverlessKind } from './serverless.js';

registerKind(provisionedKind);
registerKind(serverlessKind);
