// Registry of CLI commands. Add one import and one list entry per command file.
import type { Command } from '../command';
import { exportCommand } from './export';
import { generate } from './generate';
import { importCommand } from './import';
import { info } from './info';
import { sample } from './sample';
import { validate } from './validate';

export const commands: Command[] = [sample, info, generate, importCommand, exportCommand, validate];
