/** Every lint rule, in the order they run. Adding a rule: its file, one line here, its fixtures. */
import apiRemoved from './api-removed';
import apiUnavailable from './api-unavailable';
import type { Rule } from './engine';

/** All registered rules. */
export const RULES: readonly Rule[] = [apiUnavailable, apiRemoved];
