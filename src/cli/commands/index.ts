import type { Command } from '../command.js';
import { catalogCommand } from './catalog.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [catalogCommand, validateCommand, schemaCommand];
