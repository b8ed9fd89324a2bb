import Foundation
import Testing
import WoveDSL

@testable import WoveRuntime

/// Collects what a renderer writes, and replays it through a ``VirtualTerminal``.
final class ProgressCapture: Sendable {
    private let writes = LockedValue<[String]>([])

    func output(isTerminal: Bool, usesColor: Bool = false, width: Int = 100) -> ProgressOutput {
        ProgressOutput(isTerminal: isTerminal, usesColor: usesColor, width: width) { [writes] text in
            writes.withLock { $0.append(text) }
        }
    }

    var raw: String { writes.withLock { $0.joined() } }

    /// What was written, without escape sequences (colours, cursor movement).
    var visible: String { raw.replacing(/\x1B\[[0-9;]*[A-Za-z]/, with: "") }

    /// Returns once `text` has been written (colours aside), or after 20 seconds (the test's
    /// checks then fail).
    func waitUntilWritten(_ text: String) async {
        let deadline = ContinuousClock.now + .seconds(20)
        while !visible.contains(text), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The screen after each write.
    var frames: [[String]] {
        var terminal = VirtualTerminal()
        return writes.withLock { $0 }.map { text in
            terminal.feed(text)
            return terminal.screen
        }
    }
}

@Suite("Progress renderer")
struct ProgressRendererTests {
    /// A weave of one plain task and one mapped task of `count` items, one at a time. So that
    /// the frames are there to be checked however slow the machine, `fetch` waits until the
    /// renderer has drawn `fetchShown`, and item `i` until it has drawn `itemShown(i)`.
    private func mappedWeave(
        _ renderer: ProgressRenderer,
        _ capture: ProgressCapture,
        count: Int,
        fetchShown: String,
        itemShown: @escaping @Sendable (Int) -> String
    ) async throws {
        _ = try await weave(["ids": Array(0..<count)], options: .name("thumbnails"), .observer(renderer)) {
            Task("fetch") { () async -> Int in
                await capture.waitUntilWritten(fetchShown)
                return 1
            }
            Task("resize", mapping: "ids", after: "fetch") { (id: Int, _: Int) async -> Int in
                await capture.waitUntilWritten(itemShown(id))
                return id
            }
            .workers(1)
        }
    }

    @Test("on a terminal, frames redraw in place as items advance, and the weave leaves one summary line")
    func terminalFrames() async throws {
        let capture = ProgressCapture()
        let renderer = ProgressRenderer(
            output: capture.output(isTerminal: true, usesColor: true), refreshInterval: .milliseconds(10))
        try await mappedWeave(renderer, capture, count: 8, fetchShown: "▸ fetch") { " \($0)/8 " }
        try await waitForSummary(capture)
        let frames = capture.frames
        let itemCounts = frames.compactMap { frame in
            frame.first { $0.contains("▸ resize") }.flatMap { line in
                line.split(separator: " ").first { $0.hasSuffix("/8") }.flatMap { Int($0.dropLast(2)) }
            }
        }
        #expect(
            Set(itemCounts).isSuperset(of: 0..<8),
            "a frame showed each count before the next item ended: \(itemCounts)")
        #expect(itemCounts == itemCounts.sorted(), "the items only advance: \(itemCounts)")
        #expect(
            frames.contains { $0.contains { $0.contains("▸ fetch") } }, "the plain task was shown running")
        let screen = try #require(frames.last)
        #expect(screen.count == 1, "redrawn in place: the live lines are gone, one summary stays: \(screen)")
        #expect(screen.first?.hasPrefix("thumbnails  finished 2/2 tasks in ") == true, "\(screen)")
        #expect(capture.raw.contains("\u{1B}[32m"), "finished counts are green")
        #expect(
            frames.allSatisfy { $0.allSatisfy { $0.count < 100 } }, "no line reaches the terminal's width")
    }

    @Test("without colour, a terminal gets cursor movement and no colour codes")
    func noColor() async throws {
        let capture = ProgressCapture()
        let renderer = ProgressRenderer(
            output: capture.output(isTerminal: true, usesColor: false), refreshInterval: .milliseconds(10))
        try await mappedWeave(renderer, capture, count: 2, fetchShown: "▸ fetch") { " \($0)/2 " }
        try await waitForSummary(capture)
        #expect(capture.raw.contains("\u{1B}[J"))
        #expect(capture.raw.firstMatch(of: /\x1B\[[0-9;]*m/) == nil, "no SGR codes")
    }

    @Test("output that is not a terminal gets plain lines now and then, and the summary")
    func plainLines() async throws {
        let capture = ProgressCapture()
        let renderer = ProgressRenderer(
            output: capture.output(isTerminal: false), refreshInterval: .milliseconds(10),
            plainInterval: .milliseconds(60))
        try await mappedWeave(renderer, capture, count: 3, fetchShown: "running fetch (") {
            "running resize (\($0)/3 "
        }
        try await waitForSummary(capture)
        let lines = capture.raw.split(separator: "\n").map(String.init)
        #expect(!capture.raw.contains("\u{1B}"), "no escape codes at all")
        #expect(
            lines.contains { $0.hasPrefix("thumbnails: ") && $0.contains("running resize (") }, "\(lines)")
        #expect(lines.last?.hasPrefix("thumbnails  finished 2/2 tasks in ") == true, "\(lines)")
    }

    @Test("a failed weave's summary counts its failed and cancelled tasks")
    func failedSummary() async throws {
        let capture = ProgressCapture()
        let renderer = ProgressRenderer(
            output: capture.output(isTerminal: false), refreshInterval: .milliseconds(10))
        _ = try await weave(options: .name("nightly"), .errorMode(.return), .observer(renderer)) {
            Task("bad") { () throws -> Int in throw Boom(code: 1) }
            Task("after", after: "bad") { (value: Int) in value }
        }
        try await waitForSummary(capture)
        #expect(capture.raw.contains("nightly  failed (2 failed) in "), "\(capture.raw)")
    }

    @Test("a weave returns once its summary is written, so it comes before what the caller prints next")
    func summaryBeforeReturn() async throws {
        let capture = ProgressCapture()
        let renderer = ProgressRenderer(
            output: capture.output(isTerminal: true), refreshInterval: .seconds(1))
        for round in 1...20 {
            _ = try await weave(options: .name("round\(round)"), .observer(renderer)) {
                Task("quick") { () async in round }
            }
            #expect(capture.raw.contains("round\(round)  finished 1/1 tasks in "), "round \(round)")
        }
    }

    @Test("the text of a running weave: tasks in start order, items with rate and time left")
    func liveText() throws {
        let start = ContinuousClock.now
        var board = ProgressBoard()
        func apply(_ event: WeaveEvent, after seconds: Double) {
            var event = event
            event.weave = "report"
            event.weaveID = 7
            board.apply(event, at: start + .seconds(seconds))
        }
        apply(WeaveEvent(.weaveStarted, taskCount: 3), after: 0)
        apply(WeaveEvent(.taskStarted, task: "fetch", environment: "local"), after: 0)
        apply(WeaveEvent(.taskStarted, task: "thumbs", environment: "gpu"), after: 0.5)
        apply(WeaveEvent(.mappingStarted, task: "thumbs", itemCount: 10), after: 0.5)
        apply(WeaveEvent(.itemFinished, task: "thumbs", item: 3, itemCount: 10, itemsFinished: 5), after: 1.5)
        apply(WeaveEvent(.attemptStarted, task: "fetch", attempt: 2), after: 1.0)
        let weave = try #require(board.weaves.first)
        let lines = ProgressText.live(weave, at: start + .seconds(1.5)).map(\.plain)
        #expect(
            lines == [
                "report  0/3 tasks  1.5s",
                "  ▸ fetch  1.5s attempt 2",
                "  ▸ thumbs  1.0s @gpu  ██████████░░░░░░░░░░  5/10 50% 5.0/s ETA 1.0s",
            ])
        #expect(
            ProgressText.plain(weave, at: start + .seconds(1.5))
                == "report: 0/3 tasks done, running fetch (1.5s attempt 2), thumbs (5/10 50% 5.0/s ETA 1.0s)")
        #expect(
            [0.04, 9.99, 12, 184, 3720].map { ProgressText.duration(.seconds($0)) } == [
                "0.0s", "9.9s", "12s", "3m04s", "1h02m",
            ])
    }

    @Test("lines are cut to the width without cutting a colour code")
    func cutToWidth() {
        var line = StyledLine()
        line.append("report", .bold)
        line.append("  finished", .green)
        #expect(line.rendered(width: 9, colors: true) == "\u{1B}[1mreport\u{1B}[0m\u{1B}[32m  f\u{1B}[0m")
        #expect(line.rendered(width: 9, colors: false) == "report  f")
    }

    /// Waits until the renderer has written the weave's summary (it draws on its own thread).
    private func waitForSummary(_ capture: ProgressCapture) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !(capture.raw.contains(" finished ") || capture.raw.contains(" failed (")) {
            guard ContinuousClock.now < deadline else { throw Boom(code: 99) }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
