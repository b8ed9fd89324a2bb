#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The checked `executor_config` of a `stdio` environment.
///
/// - `command`: the worker command, an array of strings (`["/usr/local/bin/worker", "--fast"]`)
///   or one string split like a shell command line (`"/usr/local/bin/worker --fast"`). When
///   absent, the current executable is started again, which serves as a worker once it calls
///   `WoveWorker.runIfRequested()`.
/// - `workers`: how many worker processes to start, from 1 to 1,024 (default 1).
/// - `write_timeout`: how many seconds a frame may wait for a worker that stopped reading its
///   stdin before that worker counts as broken (default 10).
/// - `keep_alive`: how many seconds a worker process stays idle, once a weave run is done with it,
///   for the environment's next run to use instead of starting one (default 0: every run starts
///   its own processes and stops them when it settles).
package struct StdioConfiguration: Sendable, Equatable {
    static let keys = ["command", "workers", "write_timeout", "keep_alive"]
    /// The most worker processes one environment may start.
    static let maximumWorkers = 1024

    /// The executable and its arguments; `nil` for the current executable.
    var command: [String]?
    /// How many worker processes share the environment's runs.
    var workers: Int
    /// How long writing one frame may block before the worker counts as broken.
    var writeTimeout: Duration
    /// How long an idle worker process is kept for the environment's next run; zero for none.
    var keepAlive: Duration

    /// Checks `config`; errors name the offending key under `path`
    /// (`environments.remote.executor_config`).
    init(_ config: [String: JSONValue], at path: String) throws(WeaveError) {
        func reject(_ key: String, _ value: JSONValue, _ rule: String) -> WeaveError {
            WeaveError(.invalidConfiguration, "\(path).\(key) is \(Self.render(value)); \(rule).")
        }
        if let unknown = config.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw WeaveError(
                .invalidConfiguration,
                "\(path).\(unknown) is not a setting of the stdio executor. Its settings: "
                    + "\(Self.keys.joined(separator: ", ")).")
        }
        command = try Self.command(config["command"], at: path)
        switch config["workers"] {
        case nil, .null?:
            workers = 1
        case .integer(let count)? where (1...Self.maximumWorkers).contains(count):
            workers = count
        case .number(let count)?
        where count.rounded() == count && (1...Double(Self.maximumWorkers)).contains(count):
            workers = Int(count)
        case let other?:
            throw reject("workers", other, "it must be a whole number from 1 to \(Self.maximumWorkers)")
        }
        writeTimeout = try Self.seconds(config, "write_timeout", default: 10, allowsZero: false, reject)
        keepAlive = try Self.seconds(config, "keep_alive", default: 0, allowsZero: true, reject)
    }

    /// The duration setting `key`: a number of seconds, positive (or zero when `allowsZero`) and at
    /// most `Duration.maximumSeconds`; `defaultSeconds` when absent.
    private static func seconds(
        _ config: [String: JSONValue], _ key: String, default defaultSeconds: Double, allowsZero: Bool,
        _ reject: (String, JSONValue, String) -> WeaveError
    ) throws(WeaveError) -> Duration {
        let value = config[key] ?? .null
        let seconds = value == .null ? defaultSeconds : value.double
        guard let seconds, allowsZero ? seconds >= 0 : seconds > 0,
            let duration = Duration(checkedSeconds: seconds)
        else {
            let sign = allowsZero ? "zero or a positive" : "a positive"
            throw reject(
                key, value, "it must be \(sign) number of seconds, at most \(Int(Duration.maximumSeconds))")
        }
        return duration
    }

    /// A `command` setting (an array of strings, or one string split like a shell command
    /// line), as the executable and its arguments; `nil` when absent. Backend executors read
    /// their job command the same way.
    ///
    /// - Throws: `WeaveError` naming `path.command` and what is wrong with it.
    package static func command(_ value: JSONValue?, at path: String) throws(WeaveError) -> [String]? {
        func reject(_ value: JSONValue, _ rule: String) -> WeaveError {
            WeaveError(.invalidConfiguration, "\(path).command is \(render(value)); \(rule).")
        }
        let commandRule = "it must be a non-empty array of strings or a non-empty command string"
        switch value {
        case nil, .null?:
            return nil
        case .string(let text)?:
            let words: [String]
            do {
                words = try ShellWords.split(text)
            } catch {
                let problem =
                    switch error {
                    case .unterminatedQuote(let quote): "its \(quote) quote is never closed"
                    case .danglingBackslash: "it ends with a lone backslash"
                    }
                throw reject(.string(text), problem)
            }
            if words.isEmpty { throw reject(.string(text), commandRule) }
            return words
        case .array(let items)?:
            var words: [String] = []
            for item in items {
                guard case .string(let word) = item else { throw reject(.array(items), commandRule) }
                words.append(word)
            }
            guard let executable = words.first, !executable.isEmpty else {
                throw reject(.array(items), commandRule)
            }
            return words
        case let other?:
            throw reject(other, commandRule)
        }
    }

    /// The command to start: ``command``, else the current executable.
    var resolvedCommand: [String] { command ?? [Self.currentExecutable] }

    /// The path of the running executable: `/proc/self/exe` on Linux, the main bundle's
    /// executable where the whole of Foundation is imported (Darwin), else
    /// `CommandLine.arguments[0]` made absolute.
    package static var currentExecutable: String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return path
            }
        #endif
        #if !canImport(FoundationEssentials)
            if let path = Bundle.main.executablePath { return path }
        #endif
        let first = CommandLine.arguments.first ?? ""
        return URL(fileURLWithPath: first).standardizedFileURL.path
    }

    /// `value` as compact JSON, for error messages.
    static func render(_ value: JSONValue) -> String { value.compactText }
}
