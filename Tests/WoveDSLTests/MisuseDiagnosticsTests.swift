import Foundation
import Testing
import WoveTestSupport

/// Misuse the type system can catch fails to compile with a message naming the mistake. Each
/// snippet is type-checked by the toolchain's `swiftc` against the modules this build made.
@Suite("Misuse diagnostics", .serialized)
struct MisuseDiagnosticsTests {
    /// Each misuse, as the body of an async throwing function, and the message its diagnostic
    /// must carry.
    static let misuses: [(source: String, message: String)] = [
        ("_ = try weaveBlocking { Task(\"a\") { 1 } }", "use `try await weave(…)` in async code"),
        (
            "_ = Task(\"a\") { 1 }.workers(2)",
            "workers(_:) applies to mapped tasks only: declare the task with over: or mapping:"
        ),
        (
            "_ = try await weave { Task(\"a\") { () async throws -> Int in try await merge({ 1 }, workers: 2) } }",
            "workers and limitPerMinute apply to mapped merges only"
        ),
        (
            "_ = try weaveInBackground(options: .errorMode(.raise)) { Task(\"a\") { 1 } }",
            "a background weave always returns task errors in its result"
        ),
        (
            "_ = try await weave(options: .fork) { Task(\"a\") { 1 } }",
            "fork is an option of weaveInBackground only"
        ),
    ]

    /// The correct forms of the same calls.
    static let correctForms = """
        _ = try await weave(options: .errorMode(.return)) {
            Task("a") { () async throws -> [Int] in try await merge({ (x: Int) in x }, over: [1], workers: 2) }
            Task("b", over: [1, 2]) { (x: Int) in x }.workers(2)
        }
        _ = try weaveInBackground(options: .fork) { Task("c") { 1 } }
        """

    @Test("each misuse fails to compile with a message naming it; the correct forms compile")
    func diagnostics() async throws {
        let sources = Self.misuses.map(\.source) + [Self.correctForms]
        let output = try await offThePool { try Self.typeCheck(sources) }
        for (index, misuse) in Self.misuses.enumerated() {
            let lines = output.split(separator: "\n").filter { $0.contains("snippet\(index).swift") }
            #expect(
                lines.contains { $0.contains("error:") && $0.contains(misuse.message) },
                "snippet \(index): \(lines.joined(separator: "\n"))")
        }
        let correct = output.split(separator: "\n").filter {
            $0.contains("snippet\(Self.misuses.count).swift")
        }
        #expect(!correct.contains { $0.contains("error:") }, "\(correct)")
    }

    /// One `swiftc -typecheck` of every source, each the body of a function in a file of its own
    /// importing WoveDSL, against the modules this build made; returns the diagnostics.
    private static func typeCheck(_ sources: [String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wove-misuse-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (index, source) in sources.enumerated() {
            let file = directory.appendingPathComponent("snippet\(index).swift")
            let text = "import WoveDSL\nfunc snippet\(index)() async throws {\n\(source)\n}\n"
            try Data(text.utf8).write(to: file)
            files.append(file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "swiftc", "-typecheck", "-continue-building-after-errors", "-swift-version", "6", "-I",
                TestWorkerProcess.productsDirectory.appendingPathComponent("Modules").path,
            ] + files
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
