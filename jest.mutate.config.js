/**
 * Jest for mutation testing (`npm run mutate`, stryker.config.mjs): the core tests only. The JX fuzz test is left out: it
 * runs 10,000+ inputs per function and would be re-run for every static mutant without killing more than the example tests do.
 */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  roots: ["<rootDir>/test/core"],
  testPathIgnorePatterns: ["/node_modules/", "\\.fuzz\\.test\\.ts$"],
  coverageThreshold: undefined,
  collectCoverageFrom: undefined,
};
