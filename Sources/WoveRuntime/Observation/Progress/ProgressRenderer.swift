/// A ``WeaveObserver`` that draws the live progress of the weaves it observes: each running
/// task with how long it has run, and for a mapped task its items done of the total, rate and
/// time left.
///
/// ```swift
/// try await weave(options: .observer(ProgressRenderer())) {
///     Task("thumbnails", mapping: "photos") { (photo: Photo) in try await resize(photo) }
/// }
/// ```
///
/// On a terminal the lines are redrawn in place at most every `refreshInterval` (in colour
/// unless `NO_COLOR` is set); a finished weave leaves one summary line. Any other output gets a
/// plain line per running weave every `plainInterval`, and the summary. Drawing happens on the
/// renderer's own thread, started while a weave runs: observing an event only records it, so
/// the weave is not slowed by the terminal. A weave returns once its summary is written, so it
/// comes before anything printed after the weave. One renderer can observe many weaves at once
/// (in ``WoveConfiguration/observers``, say).
public final class ProgressRenderer: WeaveObserver, ReportingLater, @unchecked Sendable {
    // Safe to share: `board`, `isDrawing`, `drawing` and `waiters` are only touched with `mutex`
    // held; `screen` is a lock of its own; the rest is immutable.
    private let output: ProgressOutput
    private let refreshInterval: Duration
    private let plainInterval: Duration
    private let mutex = PThreadMutex()
    private var board = ProgressBoard()
    private var isDrawing = false
    /// The finished weaves whose summary is being drawn.
    private var drawing: Set<UInt64> = []
    /// Callers waiting for a weave's summary to be written.
    private var waiters: [(weave: UInt64, continuation: UnsafeContinuation<Void, Never>)] = []
    /// How many lines the last frame drew below its permanent lines, to move back over them;
    /// and when plain output last printed.
    private let screen = LockedValue((liveLines: 0, lastPlain: ContinuousClock.now))

    /// A renderer drawing to `output`.
    ///
    /// - Parameters:
    ///   - output: Where to draw (default: standard error).
    ///   - refreshInterval: The least time between two frames on a terminal (10 ms to an hour).
    ///   - plainInterval: The time between two plain lines when `output` is not a terminal (10 ms
    ///     to an hour).
    public init(
        output: ProgressOutput = .standardError,
        refreshInterval: Duration = .milliseconds(100),
        plainInterval: Duration = .seconds(5)
    ) {
        self.output = output
        self.refreshInterval = min(max(.milliseconds(10), refreshInterval), .seconds(3600))
        self.plainInterval = min(max(.milliseconds(10), plainInterval), .seconds(3600))
    }

    /// Records `event` for the next frame; starts drawing when a weave starts.
    public func observe(_ event: WeaveEvent) {
        let now = ContinuousClock.now
        let startsDrawing = mutex.withLock {
            board.apply(event, at: now)
            if event.kind == .weaveFinished { mutex.signal() }
            guard event.kind == .weaveStarted, !isDrawing else { return false }
            isDrawing = true
            return true
        }
        if startsDrawing { DetachedThread.start(name: "wove.progress") { self.drawUntilIdle() } }
    }

    /// Returns once the summary of the weave `weaveID` is written (at once if this renderer has
    /// no such weave to report).
    func reported(weaveID: UInt64) async {
        await withUnsafeContinuation { continuation in
            let pending = mutex.withLock {
                guard board.contains(weaveID) || drawing.contains(weaveID) else { return false }
                waiters.append((weaveID, continuation))
                return true
            }
            if !pending { continuation.resume() }
        }
    }

    /// Draws a frame every refresh interval, and as soon as a weave finishes, until every weave
    /// has finished and been reported.
    private func drawUntilIdle() {
        while true {
            mutex.lock()
            if !board.isIdle { _ = mutex.wait(until: PThreadMutex.deadline(after: refreshInterval)) }
            let finished = board.takeFinished()
            let ids = Set(finished.map(\.id))
            drawing.formUnion(ids)
            let running = board.weaves
            let isLast = running.isEmpty
            if isLast { isDrawing = false }
            mutex.unlock()
            draw(finished: finished, running: running, at: .now)
            let reported = mutex.withLock { () -> [UnsafeContinuation<Void, Never>] in
                drawing.subtract(ids)
                let reported = waiters.filter { ids.contains($0.weave) }.map(\.continuation)
                waiters.removeAll { ids.contains($0.weave) }
                return reported
            }
            for waiter in reported { waiter.resume() }
            if isLast { return }
        }
    }

    private func draw(
        finished: [ProgressBoard.Weave], running: [ProgressBoard.Weave], at now: ContinuousClock.Instant
    ) {
        let width = output.width - 1
        screen.withLock { screen in
            var text = ""
            if output.isTerminal {
                if screen.liveLines > 0 { text += "\u{1B}[\(screen.liveLines)A" }
                text += "\r\u{1B}[J"
                for weave in finished {
                    text +=
                        ProgressText.summary(weave).rendered(width: width, colors: output.usesColor) + "\n"
                }
                let lines = running.flatMap { ProgressText.live($0, at: now) }
                for line in lines { text += line.rendered(width: width, colors: output.usesColor) + "\n" }
                screen.liveLines = lines.count
            } else {
                for weave in finished { text += ProgressText.summary(weave).plain + "\n" }
                if now - screen.lastPlain >= plainInterval, !running.isEmpty {
                    screen.lastPlain = now
                    for weave in running { text += ProgressText.plain(weave, at: now) + "\n" }
                }
            }
            if !text.isEmpty { output.write(text) }
        }
    }
}
