// The deployment kinds msksim knows.
import { registerKind } from './deployment-kind.js';
import { expressKind } from './express.js';
import { provisionedKind } from './provisioned.js';
import { serverlessKind } from './serverless.js';

registerKind(provisionedKind);
registerKind(expressKind);
registerKind(serverlessKind);
