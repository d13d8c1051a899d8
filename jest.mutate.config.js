/**
 * Jest for mutation testing (`npm run mutate`, stryker.config.mjs): the unit tests of the mutated files only — the rule
 * tests (test/core/check, rules.test.ts), the catalogue's text (docs.test.ts) and the tests of calc, exact, amount,
 * indicator and decimal. The seed goldens, variants and other integration tests are left out: Stryker's jest runner loads
 * every test file of the set for each mutant, and with them a full run took many hours on two cores (each rule mutant is
 * covered by every test that checks a package). Fuzz tests are left out too (10,000+ inputs, re-run per static mutant).
 */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  roots: ["<rootDir>/test/core"],
  // MUTATE_TESTS narrows the set for a quick run over a few files ("check/execution,check/sums,rules,docs": paths
  // under test/core without .test.ts); a narrowed score is a lower bound of the full one.
  testMatch: process.env.MUTATE_TESTS
    ? process.env.MUTATE_TESTS.split(",").map((t) => `<rootDir>/test/core/${t}.test.ts`)
    : ["<rootDir>/test/core/check/**/*.test.ts", "<rootDir>/test/core/{rules,docs,calc,exact,amount,indicator,decimal}.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "\\.fuzz\\.test\\.ts$"],
  coverageThreshold: undefined,
  collectCoverageFrom: undefined,
};
