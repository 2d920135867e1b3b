// Registry of CLI commands. Add one import and one list entry per command file.
import type { Command } from '../command';

export const commands: Command[] = [];
