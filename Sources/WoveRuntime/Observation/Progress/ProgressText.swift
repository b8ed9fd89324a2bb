/// The words and numbers of progress: what a ``ProgressRenderer`` prints for a weave.
enum ProgressText {
    typealias Weave = ProgressBoard.Weave
    typealias RunningTask = ProgressBoard.RunningTask

    /// The width of an items bar, in cells.
    static let barWidth = 20

    /// A running weave: its header, then one line per running task.
    static func live(_ weave: Weave, at now: ContinuousClock.Instant) -> [StyledLine] {
        var header = StyledLine()
        header.append(weave.name, .bold)
        header.append("  \(weave.settled)/\(weave.taskCount) tasks  \(duration(now - weave.startedAt))")
        if weave.failed > 0 { header.append("  \(weave.failed) failed", .red) }
        return [header]
            + weave.runningInOrder.map { task in
                var line = StyledLine()
                line.append("  ▸ ", .dim)
                line.append(task.name)
                line.append("  " + status(of: task, at: now), .plain)
                if let bar = bar(of: task) {
                    line.append("  ")
                    line.append(bar.done, .green)
                    line.append(bar.left, .dim)
                    line.append("  " + items(of: task, at: now))
                }
                return line
            }
    }

    /// A finished weave, in one line.
    static func summary(_ weave: Weave) -> StyledLine {
        var line = StyledLine()
        line.append(weave.name, .bold)
        let took = weave.finished.map { duration($0.at - weave.startedAt) } ?? "?"
        if weave.finished?.error == nil {
            line.append("  finished \(weave.succeeded)/\(weave.taskCount) tasks in \(took)", .green)
        } else {
            var counts = "\(weave.failed) failed"
            if weave.cancelled > 0 { counts += ", \(weave.cancelled) cancelled" }
            line.append("  failed (\(counts)) in \(took)", .red)
        }
        return line
    }

    /// A running weave in one plain line, for output that is not a terminal.
    static func plain(_ weave: Weave, at now: ContinuousClock.Instant) -> String {
        var line = "\(weave.name): \(weave.settled)/\(weave.taskCount) tasks done"
        let running = weave.runningInOrder.map { task in
            task.itemCount == nil
                ? "\(task.name) (\(status(of: task, at: now)))" : "\(task.name) (\(items(of: task, at: now)))"
        }
        if !running.isEmpty { line += ", running " + running.joined(separator: ", ") }
        return line
    }

    /// How long the task has run, its attempt after the first, and its remote run's state.
    private static func status(of task: RunningTask, at now: ContinuousClock.Instant) -> String {
        var parts = [duration(now - task.startedAt)]
        if let environment = task.environment, environment != "local" { parts.append("@\(environment)") }
        if let remote = task.remote { parts.append(remote) }
        if task.attempt > 1 { parts.append("attempt \(task.attempt)") }
        return parts.joined(separator: " ")
    }

    /// A mapped task's items: `412/1000 41% 520/s ETA 1.1s`.
    private static func items(of task: RunningTask, at now: ContinuousClock.Instant) -> String {
        guard let total = task.itemCount else { return "" }
        let done = task.itemsFinished
        var text = "\(done)/\(total)"
        if total > 0 { text += " \(done * 100 / total)%" }
        guard let since = task.mappingStartedAt, done > 0 else { return text }
        let elapsed = (now - since).seconds
        guard elapsed > 0 else { return text }
        let rate = Double(done) / elapsed
        text += " " + (rate >= 10 ? "\(Int(rate.rounded()))/s" : "\((rate * 10).rounded() / 10)/s")
        if done < total { text += " ETA " + duration(seconds: Double(total - done) / rate) }
        return text
    }

    /// The items bar of a mapped task, split into its done and not-done cells.
    private static func bar(of task: RunningTask) -> (done: String, left: String)? {
        guard let total = task.itemCount, total > 0 else { return nil }
        let filled = min(barWidth, task.itemsFinished * barWidth / total)
        return (String(repeating: "█", count: filled), String(repeating: "░", count: barWidth - filled))
    }

    /// `0.8s`, `12s`, `3m04s`, `1h02m`.
    static func duration(_ duration: Duration) -> String { self.duration(seconds: duration.seconds) }

    /// As ``duration(_:)``, for a number of seconds; from a thousand hours on, `≥1000h`.
    private static func duration(seconds: Double) -> String {
        guard seconds < 3_600_000 else { return "≥1000h" }
        let seconds = max(0, seconds)
        if seconds < 10 { return "\((seconds * 10).rounded(.down) / 10)s" }
        let whole = Int(seconds)
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(twoDigits(whole % 60))s" }
        return "\(whole / 3600)h\(twoDigits(whole % 3600 / 60))m"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
