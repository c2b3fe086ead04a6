// What the benchmark times in-process, as one entry point: scripts/bench.ts bundles it with the shipped bundles'
// esbuild options and loads the bundle, so the figures are those of the code users run.
export { analyzeText } from '../server/src/analysis/analyze';
export { createRustParser, parseWithLimit } from '../server/src/parsing/language';
export { TreeApi } from '../server/src/analysis/tree-api';
