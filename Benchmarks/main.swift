// Release-mode benchmarks: Wove next to hand-written Swift concurrency, in one run.
//
// Run with: swift run -c release Benchmarks
try await BenchmarkSuite.run()
