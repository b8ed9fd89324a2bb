import Foundation
import Testing
import WoveDSL
import WoveTestSupport

struct User: Sendable, Equatable {
    let id: Int
    let name: String
}

/// The design document's reusable weave; `user_data` fails once, so its `retries(2)` matters.
struct StandardReport: Weave {
    let failures: AttemptCounter

    init(failures: AttemptCounter = AttemptCounter()) { self.failures = failures }

    var tasks: some WeaveContent {
        Task("user_data", after: "user_id") { (id: Int) in User(id: id, name: "Standard User") }
            .retries(2)
        Task("summary", after: "user_data") { (user: User) in "Report for \(user.name)" }
    }
}

/// A family of reports sharing tasks through a protocol extension: the inheritance stand-in.
protocol ReportFamily: Weave {}

extension ReportFamily {
    @WeaveBuilder var standardTasks: TaskList {
        Task("user_data", after: "user_id") { (id: Int) in User(id: id, name: "Family User") }
        Task("summary", after: "user_data") { (user: User) in "Report for \(user.name)" }
    }

    var tasks: TaskList { standardTasks }
}

struct PlainFamilyReport: ReportFamily {}

struct AuditedFamilyReport: ReportFamily {
    var tasks: TaskList {
        standardTasks
        Task("audit", after: "summary") { (summary: String) in "audited: \(summary)" }
    }
}

@Suite("Reusable weaves")
struct ReusableWeaveTests {
    @Test("a reusable weave runs as is, in declaration order")
    func runsAsIs() async throws {
        let result = try await weave(StandardReport(), ["user_id": 123])
        #expect(try result.value("user_data", as: User.self) == User(id: 123, name: "Standard User"))
        #expect(try result.final(as: String.self) == "Report for Standard User")
        #expect(result.names == ["user_data", "summary"])
    }

    @Test("an inline task overrides the weave's: new signature, inherited options, same position")
    func inlineOverride() async throws {
        let attempts = AttemptCounter()
        let result = try await weave(StandardReport(), ["user_id": 456, "is_admin": true]) {
            Task("user_data", after: "user_id", "is_admin") { (id: Int, admin: Bool) throws -> User in
                if attempts.next() == 1 { throw Boom(code: 0) }
                return User(id: id, name: admin ? "Admin" : "User")
            }
        }
        #expect(try result.final(as: String.self) == "Report for Admin")
        #expect(attempts.count == 2, "retries(2) was inherited from the weave's task")
        #expect(result.names == ["user_data", "summary"])
        #expect(result.executionPlan.dependencies["user_data"] == ["user_id", "is_admin"])
    }

    @Test("an override may set its own options")
    func overrideWithOwnOptions() async throws {
        let attempts = AttemptCounter()
        let result = try await weave(StandardReport(), ["user_id": 1], options: .errorMode(.return)) {
            Task("user_data", after: "user_id") { (id: Int) throws -> User in
                _ = attempts.next()
                throw Boom(code: id)
            }
            .retries(0)
        }
        #expect(attempts.count == 1)
        #expect(result.errors["summary"] as? Boom == Boom(code: 1))
    }

    @Test("inline tasks extend a weave and may depend on its tasks")
    func extend() async throws {
        let result = try await weave(StandardReport(), ["user_id": 7]) {
            Task("extra", after: "summary") { (summary: String) in "Extra analysis on: '\(summary)'" }
        }
        #expect(try result.final(as: String.self) == "Extra analysis on: 'Report for Standard User'")
        #expect(result.names == ["user_data", "summary", "extra"])
    }

    @Test("a protocol extension provides default tasks; a conforming type adds to them")
    func refinedThroughProtocol() async throws {
        let plain = try await weave(PlainFamilyReport(), ["user_id": 1])
        #expect(try plain.final(as: String.self) == "Report for Family User")
        let audited = try await weave(AuditedFamilyReport(), ["user_id": 1])
        #expect(try audited.final(as: String.self) == "audited: Report for Family User")
        #expect(audited.names == ["user_data", "summary", "audit"])
    }

    @Test("the blocking entry point applies the same overrides")
    func blockingOverride() async throws {
        let outcome = await onOwnThread {
            try weaveBlocking(StandardReport(), ["user_id": 2, "is_admin": true]) {
                Task("user_data", after: "user_id", "is_admin") { (id: Int, admin: Bool) in
                    User(id: id, name: admin ? "Admin" : "User")
                }
                Task("extra", after: "summary") { (summary: String) in summary.uppercased() }
            }
        }
        let result = try outcome.get()
        #expect(try result.value("summary", as: String.self) == "Report for Admin")
        #expect(try result.final(as: String.self) == "REPORT FOR ADMIN")
        #expect(result.names == ["user_data", "summary", "extra"])
    }

    @Test("the weave's name is its type's name")
    func weaveName() {
        #expect(StandardReport.weaveName == "StandardReport")
    }
}
