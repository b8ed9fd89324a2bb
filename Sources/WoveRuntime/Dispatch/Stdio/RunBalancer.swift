/// Which worker process each run went to: a new run goes to the process with the fewest runs
/// in flight (ties in turn), its `cancel_task` must follow it there, and when a process dies its
/// runs, and only its runs, are the ones that fail.
struct RunBalancer {
    private var load: [Int]
    private var owners: [String: (worker: Int, taskID: String)] = [:]
    private var nextTie = 0

    init(workerCount: Int) { load = Array(repeating: 0, count: workerCount) }

    /// Picks the process for `runID` of task `taskID` and records it there.
    mutating func assign(_ runID: String, taskID: String) -> Int {
        var best = 0
        var bestLoad = Int.max
        for offset in load.indices {
            let index = (nextTie + offset) % load.count
            if load[index] < bestLoad {
                best = index
                bestLoad = load[index]
            }
        }
        nextTie = load.isEmpty ? 0 : (best + 1) % load.count
        release(runID)
        owners[runID] = (best, taskID)
        if !load.isEmpty { load[best] += 1 }
        return best
    }

    /// The process `runID` went to, while it is in flight.
    func worker(of runID: String) -> Int? { owners[runID]?.worker }

    /// Forgets `runID`: it finished. Returns its task if it was in flight.
    @discardableResult
    mutating func release(_ runID: String) -> String? {
        guard let owner = owners.removeValue(forKey: runID) else { return nil }
        load[owner.worker] -= 1
        return owner.taskID
    }

    /// Forgets every run of process `worker` and returns them, sorted by run id: it died.
    mutating func releaseAll(on worker: Int) -> [(runID: String, taskID: String)] {
        let lost = owners.filter { $0.value.worker == worker }.map {
            (runID: $0.key, taskID: $0.value.taskID)
        }
        for run in lost { release(run.runID) }
        return lost.sorted { $0.runID < $1.runID }
    }

    /// Runs in flight per process.
    var loads: [Int] { load }
}
