/// Which worker process each run went to: a new run goes to the process with the fewest runs
/// in flight (ties in turn), and its `cancel_task` must follow it there.
struct RunBalancer {
    private var load: [Int]
    private var owners: [String: Int] = [:]
    private var nextTie = 0

    init(workerCount: Int) { load = Array(repeating: 0, count: workerCount) }

    /// Picks the process for `runID` and records it there.
    mutating func assign(_ runID: String) -> Int {
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
        if let previous = owners[runID] { load[previous] -= 1 }
        owners[runID] = best
        if !load.isEmpty { load[best] += 1 }
        return best
    }

    /// The process `runID` went to, while it is in flight.
    func worker(of runID: String) -> Int? { owners[runID] }

    /// Forgets `runID`: it finished.
    mutating func release(_ runID: String) {
        if let owner = owners.removeValue(forKey: runID) { load[owner] -= 1 }
    }

    /// Runs in flight per process.
    var loads: [Int] { load }
}
