/** One action at a time, with its progress label and its error in Chinese. */
import { useCallback, useState } from "react";

export interface Busy {
  label: string | null;
  error: string | null;
  run<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

export function useBusy(): Busy {
  const [label, setLabel] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(what: string, action: () => Promise<T>) => {
    setLabel(what);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setLabel(null);
    }
  }, []);
  return { label, error, run, clearError: () => setError(null) };
}
