import { readdirSync, readFileSync } from 'node:fs';

/** Proportional set size (or RSS where smaps_rollup is unavailable) of one process, in bytes. */
function memoryOf(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const pss = rollup.match(/^Pss:\s+(\d+) kB/m);
    if (pss) return Number(pss[1]) * 1024;
  } catch {
    // fall through to status
  }
  try {
    const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return rss ? Number(rss[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every live descendant of `root` (the browser Playwright launched is a child of this process). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Samples the summed memory of this process's child processes (the browser and its renderers,
 * GPU and utility processes) every `intervalMs`, keeping the peak. Linux only; elsewhere 0.
 */
export class MemorySampler {
  #peak = 0;
  #idle = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** Starts sampling; the first sample is the idle level that `stop()` reports the growth over. */
  start(intervalMs = 100): void {
    this.#peak = 0;
    this.#idle = this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): number {
    if (process.platform !== 'linux') return 0;
    const total = descendants(process.pid).reduce((sum, pid) => sum + memoryOf(pid), 0);
    this.#peak = Math.max(this.#peak, total);
    return total;
  }

  /** Stops sampling for a while (the samples cost the measured work time); `resume` goes on. */
  pause(): void {
    clearInterval(this.#timer);
    this.sample();
  }

  resume(intervalMs = 100): void {
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Stops sampling: the peak, and how far it rose over the idle level, in bytes. */
  stop(): { peak: number; growth: number } {
    clearInterval(this.#timer);
    this.sample();
    return { peak: this.#peak, growth: Math.max(0, this.#peak - this.#idle) };
  }
}
