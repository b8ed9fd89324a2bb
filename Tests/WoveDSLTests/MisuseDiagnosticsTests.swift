import Foundation
import Testing

/// Misuse the type system can catch fails to compile with a message naming the mistake. Each
/// snippet is type-checked by the toolchain's `swiftc` against the modules this build made.
@Suite("Misuse diagnostics", .serialized)
struct MisuseDiagnosticsTests {
    /// The compiler's diagnostics for `source`, which imports WoveDSL.
    private func diagnostics(of source: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wove-misuse-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("misuse.swift")
        try Data(("import WoveDSL\n" + source).utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swiftc", "-typecheck", "-swift-version", "6", "-I",
            TestWorkerProcess.productsDirectory.appendingPathComponent("Modules").path, file.path,
        ]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "each misuse names itself",
        arguments: [
            (
                "func f() async throws { _ = try weaveBlocking { Task(\"a\") { 1 } } }",
                "use `try await weave(…)` in async code"
            ),
            (
                "let n = Task(\"a\") { 1 }.workers(2)",
                "workers(_:) applies to mapped tasks only: declare the task with over: or mapping:"
            ),
            (
                "func f() async throws { _ = try await weave { Task(\"a\") { () async throws -> Int in try await merge({ 1 }, workers: 2) } } }",
                "workers and limitPerMinute apply to mapped merges only"
            ),
            (
                "let h = try weaveInBackground(options: .errorMode(.raise)) { Task(\"a\") { 1 } }",
                "a background weave always returns task errors in its result"
            ),
            (
                "func f() async throws { _ = try await weave(options: .fork) { Task(\"a\") { 1 } } }",
                "fork is an option of weaveInBackground only"
            ),
        ])
    func misuseNamesItself(source: String, message: String) throws {
        let output = try diagnostics(of: source)
        #expect(output.contains("error:") && output.contains(message), "\(output)")
    }

    @Test("the correct forms of the same calls compile")
    func correctFormsCompile() throws {
        let output = try diagnostics(
            of: """
                func f() async throws {
                    _ = try await weave(options: .errorMode(.return)) {
                        Task("a") { () async throws -> [Int] in try await merge({ (x: Int) in x }, over: [1], workers: 2) }
                        Task("b", over: [1, 2]) { (x: Int) in x }.workers(2)
                    }
                    _ = try weaveInBackground(options: .fork) { Task("c") { 1 } }
                }
                """)
        #expect(!output.contains("error:"), "\(output)")
    }
}
