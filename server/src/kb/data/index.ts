/** Every data module of the knowledge base, in one list. Add a subsystem: its file, one line here. */
import type { KbItem } from '../types';
import { dma } from './dma';
import { hrtimer } from './hrtimer';
import { locks } from './locks';
import { mm } from './mm';
import { modules } from './modules';
import { pinInit } from './pin-init';
import { time } from './time';

/** All knowledge-base entries: the subsystem modules first, then the module-level table. */
export const ITEMS: readonly KbItem[] = [...pinInit, ...locks, ...hrtimer, ...time, ...mm, ...dma, ...modules];
