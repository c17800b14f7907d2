// Preloaded into a benchmarked process (node --require): writes the process's peak resident memory, in bytes, to the
// file named by BENCH_PEAK_MEMORY_FILE when it exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
	if (process.env.BENCH_PEAK_MEMORY_FILE) {
		writeFileSync(process.env.BENCH_PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS * 1024));
	}
});
