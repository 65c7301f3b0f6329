@testable import ScenarioSpec
@testable import GroupSimulation
import QueueingTheory
import Testing

/// The database sized from what planners count: read from a file, refused with file, line and
/// field, turned into rows, pages and a hot working set, and changed by grooming and retention.
@Suite("DatabaseInventory")
struct DatabaseInventoryTests {
    static func yaml(database: String) -> String {
        """
        name: t
        duration: 1h
        managementGroup:
          database:
        \(database)
        consoles:
          peak: 10
          sessionLength: { distribution: exponential, mean: 1h }
          thinkTime: { distribution: exponential, mean: 30s }
          requests:
            - { name: a, weight: 1, server: { distribution: exponential, mean: 100ms }, pageReads: 100 }
        """
    }

    static let inventory = """
            memory: 6
            inventory:
              computers: 20000
              users: 20000
              cisPerComputer: 11
              workItems:
                - { kind: incident, perWeek: 5000, retention: 90d }
                - { kind: changeRequest, perWeek: 1000, retention: 90d, rowsPerItem: 50, changesPerItem: 8 }
              history: { retention: 7d }
        """

    static func parse(_ yaml: String) throws(ScenarioError) -> Scenario { try ScenarioLoader.parse(yaml: yaml, file: "t.yaml") }

    static func error(_ database: String) -> String {
        do {
            _ = try parse(yaml(database: database))
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func readAndCounted() throws {
        let db = try Self.parse(Self.yaml(database: Self.inventory)).managementGroup.database
        let inventory = try #require(db.inventory)
        #expect(inventory.workItems.map(\.kind) == [.incident, .changeRequest])
        #expect(inventory.workItems[0].retention == 90 * 86_400 && inventory.workItems[0].effectiveRowsPerItem == 20)
        #expect(inventory.history.retention == 7 * 86_400 && inventory.rowsPerCI == 10 && inventory.bytesPerRow == 2048)
        let f = db.footprint
        // 240 000 CIs × 10 rows; 5 000 a week × 20 rows × 90/7 weeks; 1 000 × 50 × 90/7;
        // history: (5 000 × 5 + 1 000 × 8 + 240 000 × 0.05) changes × 3 rows × 1 week.
        let cis = 240_000.0 * 10, incidents = 5000.0 * 20 * 90 / 7, changes = 1000.0 * 50 * 90 / 7
        let history = (25_000.0 + 8_000 + 12_000) * 3
        #expect(f.parts.map(\.name) == ["configuration items", "incident", "changeRequest", "history"])
        #expect(abs(f.rows - (cis + incidents + changes + history)) < 1e-6)
        #expect(abs(f.hotRows - (cis + 5000.0 * 20 * 2 + 1000.0 * 50 * 2 + history)) < 1e-6)
        #expect(abs(f.pages - f.rows * 2048 / 8192) < 1e-6)
        #expect(f.coldPages > 0 && f.coldReads == 0.05)
    }

    /// A file that gives rows keeps its meaning: every page hot, rows × bytesPerRow.
    @Test func rowsKeepTheirMeaning() throws {
        let db = try Self.parse(Self.yaml(database: "    memory: 8\n    rows: 2500000")).managementGroup.database
        #expect(db.inventory == nil)
        #expect(db.footprint.pages == 2_500_000 * 4096 / 8192 && db.footprint.coldPages == 0)
        let single = try LRUCacheApproximation(items: 2_500_000 * 4096 / 8192, capacity: 6 * 131_072, skew: 0.9).hitRatio()
        #expect(db.bufferPoolHitRatio == single)
    }

    /// Grooming and retention change the size, and the hit ratio with it.
    @Test func retentionChangesTheSize() throws {
        let db = try Self.parse(Self.yaml(database: Self.inventory)).managementGroup.database
        func with(_ change: (inout ManagementGroup.Database.Inventory) -> Void) -> ManagementGroup.Database {
            var d = db
            change(&d.inventory!)
            return d
        }
        let shorter = with { $0.workItems[0].retention = 30 * 86_400 }
        let longerHistory = with { $0.history.retention = 60 * 86_400 }
        let noGrooming = with { $0.workItems[0].retention = 365 * 86_400; $0.workItems[1].retention = 365 * 86_400 }
        #expect(shorter.footprint.pages < db.footprint.pages)
        #expect(longerHistory.footprint.pages > db.footprint.pages)
        #expect(longerHistory.footprint.hotPages > db.footprint.hotPages)
        #expect(noGrooming.footprint.pages > db.footprint.pages)
        #expect(noGrooming.footprint.hotPages == db.footprint.hotPages, "older items are cold")
        let hit = try #require(db.bufferPoolHitRatio)
        #expect(try #require(shorter.bufferPoolHitRatio) >= hit)
        #expect(try #require(longerHistory.bufferPoolHitRatio) < hit)
        #expect(try #require(noGrooming.bufferPoolHitRatio) < hit)
        // More computers: more of everything.
        #expect(with { $0.computers = 50_000 }.footprint.hotPages > db.footprint.hotPages)
    }

    /// The same footprint is what the model simulates: its storage sees the misses.
    @Test func theModelUsesTheFootprint() throws {
        let s = try Self.parse(Self.yaml(database: Self.inventory))
        let config = ModelConfig(scenario: s)
        #expect(config.hitRatio == s.managementGroup.database.bufferPoolHitRatio)
        #expect(config.hitRatio < 1 && config.hasStorage)
    }

    @Test func refusedWithFileLineAndField() {
        #expect(Self.error(Self.inventory + "\n    rows: 6000000")
                == "t.yaml:14:11: error: managementGroup.database.rows: give rows (a count) or inventory (what the database holds), not both")
        #expect(Self.error(Self.inventory + "\n    bytesPerRow: 4096").contains(
            "managementGroup.database.bytesPerRow: bytesPerRow goes with rows; with inventory give inventory.bytesPerRow"))
        #expect(Self.error(Self.inventory.replacingOccurrences(of: "kind: changeRequest", with: "kind: incident"))
                == "t.yaml:12:19: error: managementGroup.database.inventory.workItems[1].kind: incident appears twice: give one entry per kind")
        #expect(Self.error(Self.inventory.replacingOccurrences(of: "kind: changeRequest", with: "kind: changeRequests"))
            .hasPrefix("t.yaml:12:19: error: managementGroup.database.inventory.workItems[1].kind: unknown value 'changeRequests' (did you mean 'changeRequest'?)"))
        #expect(Self.error(Self.inventory.replacingOccurrences(of: "perWeek: 5000", with: "perWeek: -5"))
            .contains("managementGroup.database.inventory.workItems[0].perWeek: must be zero or positive, got -5"))
        #expect(Self.error(Self.inventory.replacingOccurrences(of: "retention: 7d", with: "retention: soon"))
            .contains("managementGroup.database.inventory.history.retention:"))
        #expect(Self.error(Self.inventory.replacingOccurrences(of: "      users: 20000\n", with: ""))
            .contains("managementGroup.database.inventory.users: required key 'users' is missing"))
        #expect(Self.error(Self.inventory.replacingOccurrences(of: "cisPerComputer", with: "cisPerComputers"))
            .contains("cisPerComputer"))
        #expect(Self.error("    memory: 8\n    inventory: { computers: 0, users: 0 }")
            .contains("managementGroup.database.inventory: holds no rows"))
    }
}
