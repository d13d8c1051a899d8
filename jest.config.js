/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } }],
  },
  collectCoverageFrom: ["src/core/**/*.ts"],
  coverageThreshold: { "./src/core/": { lines: 90 } },
  coverageReporters: ["text-summary", "json-summary"],
};
