/** A small argument parser: positionals, `--flag`, `--name value` and `--name=value`. */
import { UsageError } from "./errors";

export interface OptionSpec {
  /** Options taking a value ("--unit 名称"). */
  values?: string[];
  /** Options without a value ("--json"). */
  flags?: string[];
}

export interface Parsed {
  positionals: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], spec: OptionSpec, command: string): Parsed {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const out: Parsed = { positionals: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (/^-[a-z]$/i.test(arg) && arg !== "-h") throw new UsageError(`「${command}」不认识选项 ${arg}。运行 jixiao ${command} --help 查看用法。`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq >= 0 ? arg.slice(2, eq) : arg.slice(2)).toLowerCase();
    if (flags.has(name)) {
      if (eq >= 0) throw new UsageError(`选项 --${name} 不带值。`);
      out.flags.add(name);
    } else if (values.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`选项 --${name} 后面缺少值。运行 jixiao ${command} --help 查看用法。`);
      out.options[name] = value;
    } else {
      throw new UsageError(`「${command}」不认识选项 --${name}。运行 jixiao ${command} --help 查看用法。`);
    }
  }
  return out;
}

/** An integer option within bounds, or the default. */
export function intOption(p: Parsed, name: string, def: number, min: number, max: number): number {
  const raw = p.options[name];
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw.trim())) {
    // "-1" is an integer, just not one allowed here: say the range, not "应为整数".
    throw new UsageError(/^\s*-\d+\s*$/.test(raw) ? `选项 --${name} 应在 ${min} 到 ${max} 之间，实际为 ${raw.trim()}。` : `选项 --${name} 应为整数，实际为「${raw}」。`);
  }
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`选项 --${name} 应在 ${min} 到 ${max} 之间，实际为 ${n}。`);
  return n;
}

/** Exactly `n` positionals, or a usage error naming what is missing. */
export function positionals(p: Parsed, names: string[], command: string): string[] {
  if (p.positionals.length < names.length) {
    throw new UsageError(`「${command}」缺少参数 ${names.slice(p.positionals.length).join("、")}。运行 jixiao ${command} --help 查看用法。`);
  }
  if (p.positionals.length > names.length) throw new UsageError(`「${command}」多了参数：${p.positionals.slice(names.length).join(" ")}。`);
  return p.positionals;
}
