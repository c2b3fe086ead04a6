/** Every data module of the knowledge base, in one list. Add a subsystem: its file, one line here. */
import type { KbItem } from '../types';
import { hrtimer } from './hrtimer';
import { time } from './time';

/** All knowledge-base entries. */
export const ITEMS: readonly KbItem[] = [...hrtimer, ...time];
