import Testing
import WoveDSL

@testable import WoveRuntime

/// A kind of thing, for metatype arguments.
protocol ArgumentKind: Sendable {}
enum FastKind: ArgumentKind {}

/// A class and its subclass, for arguments of a superclass parameter.
class BaseValue: @unchecked Sendable {
    // Safe to share: it has no stored property.
}
final class DerivedValue: BaseValue, @unchecked Sendable {
    // Safe to share: it has no stored property.
}

/// A value too large for an existential's inline buffer, holding references.
struct LargeValue: Sendable, Equatable {
    let name: String
    let numbers: [Int]
    let label: String
    let count: Int
}

/// Values reach task bodies as the parameter types, however they are boxed on the way: exactly
/// the parameter's type (taken as it is), or another type that converts (cast).
@Suite("Argument passing")
struct ArgumentPassingTests {
    /// `value` boxed as its static type, as generic code boxes it (a nested existential stays one).
    private static func boxed<T: Sendable>(_ value: T) -> any Sendable { value }

    @Test("optionals, closures, large structs and subclass instances reach their parameters")
    func boxedValues() async throws {
        let large = LargeValue(name: "n", numbers: [1, 2, 3], label: "l", count: 4)
        let result = try await weave(["large": large]) {
            Task("some") { () -> Int? in 3 }
            Task("none") { () -> Int? in nil }
            Task("double") { () -> @Sendable (Int) -> Int in { $0 * 2 } }
            Task("derived") { () -> BaseValue in DerivedValue() }
            Task("sum", after: "some", "none") { (some: Int?, none: Int?) in (some ?? 0) + (none ?? 10) }
            Task("applied", after: "double") { (double: @escaping @Sendable (Int) -> Int) in double(21) }
            Task("isDerived", after: "derived") { (value: BaseValue) in value is DerivedValue }
            Task("large_count", after: "large") { (value: LargeValue) in value.numbers.count + value.count }
            Task("same_large", after: "large") { (value: LargeValue) in value == large }
        }
        #expect(try result.value("sum", as: Int.self) == 13)
        #expect(try result.value("applied", as: Int.self) == 42)
        #expect(try result.value("isDerived", as: Bool.self))
        #expect(try result.value("large_count", as: Int.self) == 7)
        #expect(try result.value("same_large", as: Bool.self))
    }

    @Test("a metatype boxed as an existential metatype reaches a parameter of the concrete metatype")
    func existentialMetatype() async throws {
        let kind: any ArgumentKind.Type = FastKind.self
        let result = try await weave(["kind": Self.boxed(kind)]) {
            Task("name", after: "kind") { (kind: FastKind.Type) in String(describing: kind) }
        }
        #expect(try result.value("name", as: String.self) == "FastKind")
    }
}
