import type { Command } from '../command.js';
import { catalogCommand } from './catalog.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [runCommand, validateCommand, catalogCommand, schemaCommand];
