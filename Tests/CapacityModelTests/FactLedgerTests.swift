import Foundation
import Testing

/// The fact ledger (Documentation/Sources.md, "The fact ledger"): every published number once,
/// as an anchor (it sets an input) or a check (nothing is set from it). A number that both
/// sets an input and is then "reproduced" is not evidence, so this test holds the line.
struct FactLedgerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Entry {
        var id: String
        var number: String
        var role: String
    }

    static func ledger() throws -> [Entry] {
        let text = try String(contentsOf: root.appendingPathComponent("Documentation/Sources.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> Entry? in
            guard line.hasPrefix("| F") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 6 else { return nil }
            return Entry(id: cells[1], number: cells[2], role: cells[4])
        }
    }

    /// Ledger ids cited in `text` as `[F12]`.
    static func citations(_ text: Substring) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "[F") {
            let after = rest[open.upperBound...]
            let digits = after.prefix { $0.isNumber }
            if !digits.isEmpty, after.dropFirst(digits.count).first == "]" { found.append("F" + digits) }
            rest = after
        }
        return found
    }

    @Test func everyNumberHasOneRoleOnce() throws {
        let entries = try Self.ledger()
        #expect(entries.count >= 20)
        #expect(Set(entries.map(\.id)).count == entries.count, "an id appears twice")
        #expect(Set(entries.map(\.number)).count == entries.count, "a published number appears twice")
        for e in entries {
            #expect(e.role == "anchor" || e.role == "check", "\(e.id): role '\(e.role)' is neither anchor nor check")
        }
    }

    /// A shipped scenario's input (a line that sets a field, other than an objective) cites
    /// only anchors; objectives may cite checks, and prose comments may mention anything.
    @Test func shippedInputsCiteOnlyAnchors() throws {
        let roles = Dictionary(uniqueKeysWithValues: try Self.ledger().map { ($0.id, $0.role) })
        let dir = Self.root.appendingPathComponent("Scenarios")
        let files = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }
        var cited = 0
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let hash = line.firstIndex(of: "#") else { continue }
                let code = line[..<hash].trimmingCharacters(in: .whitespaces)
                guard !code.isEmpty, !code.hasPrefix("slo:") else { continue }
                for id in Self.citations(line[hash...]) {
                    cited += 1
                    #expect(roles[id] == "anchor", "\(file):\(n + 1): the input cites \(id), a \(roles[id] ?? "missing entry")")
                }
            }
        }
        #expect(cited >= 20, "the shipped scenarios cite the ledger on their inputs")
    }

    /// `PublishedFactsTests` asserts only checks: each of its tests cites check entries.
    @Test func publishedFactsTestsAssertOnlyChecks() throws {
        let roles = Dictionary(uniqueKeysWithValues: try Self.ledger().map { ($0.id, $0.role) })
        let text = try String(contentsOf: Self.root.appendingPathComponent("Tests/CapacityModelTests/PublishedFactsTests.swift"),
                              encoding: .utf8)
        let ids = Self.citations(text[...])
        #expect(!ids.isEmpty)
        for id in ids { #expect(roles[id] == "check", "PublishedFactsTests cites \(id), a \(roles[id] ?? "missing entry")") }
    }
}
