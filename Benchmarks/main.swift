// Release-mode benchmarks: Wove next to hand-written Swift concurrency, in one run.
//
// Run with: swift run -c release Benchmarks
import WoveDSL

// A stdio worker (WOVE_WORKER=1) serves the stdio workloads' tasks and exits here.
await WoveWorker { StdioWorkloads.tasks }.runIfRequested()
try await BenchmarkSuite.run()
