// The JSON Schema of the scenario format, generated from the zod declaration so the two cannot
// drift. Editors with yaml-language-server use it for completion, hover text and unit
// patterns (`# yaml-language-server: $schema=…/msksim.schema.json`). It describes what users
// write (the input side), not the resolved scenario.
import { z } from 'zod';
import { editorHints } from './fields.js';
import { scenarioSchema } from './schema.js';

export const SCENARIO_SCHEMA_ID = 'https://msksim.dev/schema/scenario.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const hints = editorHints.get(zodSchema);
      if (hints?.default !== undefined) jsonSchema.default = hints.default;
      if (hints?.examples !== undefined) jsonSchema.examples = [...hints.examples];
    },
  });
  return { ...schema, $id: SCENARIO_SCHEMA_ID };
}
