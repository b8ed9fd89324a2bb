// A reusable weave, run as is and with an inline override.
//
// Run it with: swift run ReusableWeave
import WoveDSL

struct User: Sendable {
    let id: Int
    let name: String
}

struct StandardReport: Weave {
    var tasks: some WeaveContent {
        Task("user_data", after: "user_id") { (id: Int) in User(id: id, name: "Standard User") }
            .retries(2).timeout(.seconds(5))
        Task("summary", after: "user_data") { (user: User) in "Report for \(user.name) (#\(user.id))" }
    }
}

let standard = try await weave(StandardReport(), ["user_id": 123])
print(try standard.final(as: String.self))  // Report for Standard User (#123)

// The inline task replaces the weave's `user_data`, with a new signature; the retries and
// timeout it does not set are inherited.
let admin = try await weave(StandardReport(), ["user_id": 456, "is_admin": true]) {
    Task("user_data", after: "user_id", "is_admin") { (id: Int, admin: Bool) in
        User(id: id, name: admin ? "Admin" : "Standard User")
    }
}
print(try admin.final(as: String.self))  // Report for Admin (#456)
