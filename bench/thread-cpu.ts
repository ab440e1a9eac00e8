/**
 * CPU seconds of each thread of this process, from Linux's /proc (empty elsewhere): what a pool's
 * sim worker threads, its main thread and V8's background threads (concurrent compiling and
 * garbage collection, shared by every isolate of the process) each used. Node 20 names none of
 * them, so a caller tells them apart by use: a sim worker's thread is far the busiest.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks of /proc's stat fields (USER_HZ; 100 on Linux). */
const TICK_S = 0.01;

/** CPU seconds (user and system) of each thread of this process, by thread id. */
export function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(task), (Number(fields[11]) + Number(fields[12])) * TICK_S);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** Each thread's CPU seconds between two `threadCpu()` readings, the busiest first (threads that used none left out). */
export function threadCpuSince(before: Map<number, number>, after: Map<number, number> = threadCpu()): { tid: number; cpuS: number }[] {
  return [...after]
    .map(([tid, s]) => ({ tid, cpuS: Math.round((s - (before.get(tid) ?? 0)) * 100) / 100 }))
    .filter((x) => x.cpuS > 0)
    .sort((a, b) => b.cpuS - a.cpuS);
}
