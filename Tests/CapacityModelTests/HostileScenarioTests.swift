import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

/// Files built to hang, exhaust memory or mislead the loader: each is refused with one line
/// at the right place. (Each of these once hung, crashed or gave a misleading message.)
@Suite("Hostile scenarios")
struct HostileScenarioTests {
    private func error(_ yaml: String, file: String = "h.yaml") -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: file)
            return nil
        } catch {
            return error
        }
    }

    /// Anchors `a0…aN`, each a list of ten aliases of the one before (10^N nodes expanded).
    private func laughs(levels: Int) -> String {
        var lines = ["a0: &a0 [x]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aliasExpansionIsBoundedAndReportedAtTheAlias() throws {
        let e = try #require(error(laughs(levels: 12)))
        // a4 expands to 21 111 nodes; the ninth alias of it in a5 (line 6) crosses 200 000.
        #expect(e.line == 6 && e.field == "a5[8]", "\(e)")
        #expect(e.message.contains("200000 nodes"), "\(e)")
    }

    @Test func aliasAsAKeyIsRefusedWithoutExpandingIt() throws {
        let e = try #require(error(laughs(levels: 4) + "name: t\nmap: { *a4 : 1 }\n"))
        #expect(e.line == 7 && e.column == 8 && e.field == "map", "\(e)")
        #expect(e.message.contains("an alias (*a4) cannot be a key"), "\(e)")
    }

    @Test func nestedMergesAreCountedAsTheyExpand() throws {
        var lines = ["m0: &m0 { k0: 1, k1: 2 }"]
        for level in 1...12 {
            lines.append("m\(level): &m\(level) { <<: [" + Array(repeating: "*m\(level - 1)", count: 10).joined(separator: ", ") + "] }")
        }
        let e = try #require(error(lines.joined(separator: "\n")))
        #expect(e.message.contains("once aliases and merges are expanded"), "\(e)")
        #expect(e.line <= 8, "\(e)")
    }

    @Test func complexKeysAreRefused() throws {
        let e = try #require(error("name: t\n? [a, b]\n: 1\n"))
        #expect(e.line == 2 && e.message == "keys must be plain names, got a list", "\(e)")
    }

    @Test func tooDeepNestingNamesTheLimitNotTheLibrary() throws {
        let e = try #require(error("name: t\nx: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n"))
        #expect(e.line == 2 && e.message == "lists and mappings are nested more than 64 levels deep", "\(e)")
        #expect(!e.description.contains("yaml_"), "\(e)")
    }

    @Test func duplicateKeyIsReportedAtTheDuplicate() throws {
        let e = try #require(error("name: t\nduration: 1h\nconsoles:\n  peak: 1\n  peak: 2\n"))
        #expect((e.line, e.column, e.field) == (5, 3, "consoles.peak"), "\(e)")
        #expect(e.message.contains("first at line 4"), "\(e)")
    }

    @Test func controlCharactersAreEscapedAndLongValuesCut() throws {
        let e = try #require(error("name: t\n\"evil\\e]0;pwned\\a\": 1\n"))
        #expect(!e.description.unicodeScalars.contains { $0.value < 0x20 }, "\(e)")
        #expect(e.description.contains("evil\\u{1B}]0;pwned\\u{7}"), "\(e)")
        let long = try #require(error("name: t\nduration: " + String(repeating: "9x", count: 32_768) + "\n"))
        #expect(long.description.count < 400, "\(long.description.count) characters")
        #expect(long.description.contains("(65536 bytes)"))
    }

    @Test func descriptionHasTheCompilerForm() {
        let e = ScenarioError(file: "w.yaml", line: 3, column: 7, field: "consoles.peak", message: "must be at least 1")
        #expect(e.description == "w.yaml:3:7: error: consoles.peak: must be at least 1")
    }

    // MARK: Files

    private func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func loadError(_ path: String) -> ScenarioError? {
        do {
            _ = try ScenarioLoader.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func windows1252IsLocatedAndNamed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/cp1252.yaml"
        // "name: Caf\u{E9} \u{2013}" in Windows-1252: é is 0xE9, the en dash 0x96.
        try Data("name: t\n# notes\nlabel: Caf".utf8 + [0xE9, 0x20, 0x96] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        let e = try #require(loadError(path))
        #expect((e.line, e.column, e.field) == (3, 11, "(file)"), "\(e)")
        #expect(e.message.contains("byte 0xE9 at byte 11 of line 3"), "\(e)")
        #expect(e.message.contains("Windows-1252"), "\(e)")
    }

    @Test func symlinkLoopIsCalledALoop() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/a.yaml", withDestinationPath: dir + "/b.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.yaml", withDestinationPath: dir + "/a.yaml")
        let e = try #require(loadError(dir + "/a.yaml"))
        #expect(e.message.contains("loop of symbolic links"), "\(e)")
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.yaml", withDestinationPath: dir + "/gone.yaml")
        #expect(loadError(dir + "/dangling.yaml")?.message.contains("symbolic link to a file that does not exist") == true)
        #expect(loadError(dir)?.message.contains("it is a directory") == true)
    }

    /// Every fuzz seed and every input a fuzzer ever crashed on (`Fuzz/Regressions/`) loads
    /// or is refused with one line; none crashes.
    @Test func fuzzSeedsAndRegressionsAreHandled() throws {
        let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz")
        var count = 0
        for folder in ["Corpus/scenario", "Regressions/scenario"] {
            let dir = fuzz.appendingPathComponent(folder).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
                count += 1
                do {
                    _ = try ScenarioLoader.parse(bytes: bytes, file: name)
                } catch {
                    #expect(error.description.hasPrefix(name + ":") && !error.description.contains("\n"), "\(error)")
                }
            }
        }
        #expect(count >= 8)
    }
}
