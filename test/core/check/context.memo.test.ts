/**
 * parseValue's memory (src/core/check/context.ts) is bounded: a task pane open all day must not keep every value ever
 * checked. Its own file: it parses 100,000 values, and the mutation runs need not repeat it for every other test.
 */
import { parseValue } from "../../../src/core/check/context";

test("parseValue remembers at most 50,000 values: then it starts afresh", () => {
  const first = parseValue("哨兵甲");
  parseValue("哨兵乙"); // one more value does not make it forget
  expect(parseValue("哨兵甲")).toBe(first);
  // Fill until the memory starts afresh (the sentinel is parsed anew), whatever other tests left in it.
  let probe = first;
  for (let k = 0; probe === first && k < 60_000; k++) {
    parseValue(1e9 + k);
    probe = parseValue("哨兵甲");
  }
  expect(probe).not.toBe(first);
  // Now it holds 2 values (the one that made it start afresh, and the sentinel); it starts afresh when a new value
  // finds 50,001 there (more than 50,000): after 49,999 more, i.e. at the 50,000th new value.
  let n = 0;
  const again = probe;
  while (probe === again && n < 60_000) {
    n++;
    parseValue(2e9 + n);
    probe = parseValue("哨兵甲");
  }
  expect(n).toBe(50_000);
});
