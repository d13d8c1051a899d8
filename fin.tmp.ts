import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { benchFinalize } from "./bench/cli";
(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nl-finbench-"));
  await benchFinalize(work);
  fs.rmSync(work, { recursive: true, force: true });
})();
