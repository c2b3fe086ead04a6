/** Every lint rule, in the order they run. Adding a rule: its file, one line here, its fixtures. */
import type { Rule } from './engine';

/** All registered rules. */
export const RULES: readonly Rule[] = [];
