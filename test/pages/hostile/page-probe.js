// What the page itself can see of its own responsiveness: the longest gap between ticks of a
// 10 ms timer (a task holding the main thread delays it), kept in window.__probe for the tests
// and benchmarks to read. Nothing here touches the extension.
(() => {
  const probe = { maxGapMs: 0, ticks: 0, gaps: [], last: performance.now() };
  window.__probe = probe;
  setInterval(() => {
    const now = performance.now();
    const gap = now - probe.last;
    probe.last = now;
    probe.ticks++;
    probe.gaps.push(gap);
    if (gap > probe.maxGapMs) probe.maxGapMs = gap;
  }, 10);
})();
