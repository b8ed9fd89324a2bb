// Release-mode benchmarks: Wove next to hand-written Swift concurrency, in one run.
//
// Run with: swift run -c release Benchmarks
import WoveDSL

#if Slurm
    import WoveSlurm
    ExecutorProvider.registerSlurmExecutors()
#endif
#if Ray
    import WoveRay
    ExecutorProvider.registerRayExecutors()
#endif

// A stdio worker (WOVE_WORKER=1) serves the stdio workloads' tasks and exits here; so does a
// backend job the scheduler rows submit, with its one task.
await WoveWorker {
    StdioWorkloads.tasks
    #if Slurm || Ray
        BackendWorkloads.tasks
    #endif
}.runIfRequested()
try await BenchmarkSuite.run()
