// How much memory a piece of work takes at its worst: this process's RSS and its JS heap plus buffers,
// sampled every 10 ms, as growth over where they stood when it began (the files tests and bench).

const MB = 1024 * 1024;

export async function peakMemoryGrowth<T>(work: () => Promise<T>) {
  const start = process.memoryUsage();
  const heapOf = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  let peakRss = start.rss;
  let peakHeap = heapOf(start);
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, heapOf(m));
  }, 10);
  const began = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - began) / 1000,
      rssMB: (peakRss - start.rss) / MB,
      heapMB: (peakHeap - heapOf(start)) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}
