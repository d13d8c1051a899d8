// @ts-check
/**
 * Mutation testing of src/core (issue 14): `npm run mutate`.
 * Incremental: only mutants in code or tests changed since the last run are re-tested (reports/stryker-incremental.json).
 * No TypeScript checker (too slow on two cores); ts-jest compiles with isolatedModules, so a mutant that does not type-check
 * simply fails to run and counts as killed by a compile error ("CompileError"), which Stryker reports separately.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "jest",
  jest: { configFile: "jest.mutate.config.js", enableFindRelatedTests: false },
  coverageAnalysis: "perTest",
  mutate: process.env.MUTATE
    ? process.env.MUTATE.split(",")
    : [
        "src/core/check/**/*.ts",
        "src/core/calc.ts",
        "src/core/exact.ts",
        "src/core/indicator.ts",
        "src/core/amount.ts",
      ],
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ["html", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};
