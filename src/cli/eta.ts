/** Time remaining for a progress label: elapsed time scaled by the work left (from this session's own pace). */
export function remaining(startedMs: number, nowMs: number, done: number, total: number): string {
  if (done <= 0 || total <= done) return total <= done ? 'done' : 'estimating time left';
  const ms = ((nowMs - startedMs) / done) * (total - done);
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${h > 0 ? `${h}:${String(mm).padStart(2, '0')}` : mm}:${String(ss).padStart(2, '0')} left`;
}
