@testable import ScenarioSpec
import Testing

/// The shipped scenarios hold one reading each (issue 18): every open console active in the
/// default day, the half-active reading named as such; the published scenarios agree with the
/// tests they restate.
struct PublishedReadingsTests {
    static func load(_ name: String) throws -> Scenario { try ScenarioLoader.load(path: PlanningFixtures.path(name)) }

    @Test func defaultDayHasEveryConsoleActiveAndTheVariantHalf() throws {
        for name in ["weekday-40.yaml", "weekday-50.yaml"] {
            let s = try Self.load(name)
            #expect(s.consoles.activePeriod == nil && s.consoles.idlePeriod == nil, "\(name)")
        }
        let half = try Self.load("weekday-50-half-active.yaml")
        #expect(half.consoles.activePeriod?.mean == 1200 && half.consoles.idlePeriod?.mean == 1200)
        // Otherwise the same day.
        var same = half
        same.name = "weekday-50"
        same.consoles.activePeriod = nil
        same.consoles.idlePeriod = nil
        #expect(same.layout == (try Self.load("weekday-50.yaml")).layout)
    }

    /// cm-initial-sync claims Test 1's load: Test 1's SQL memory, database, storage and requests.
    @Test func connectorSyncRunsOnTestOnesDatabase() throws {
        let sync = try Self.load("published/cm-initial-sync.yaml"), test1 = try Self.load("published/test-1.yaml")
        #expect(sync.managementGroup.database.memory == 8 && test1.managementGroup.database.memory == 8)
        #expect(sync.managementGroup.database.footprint == test1.managementGroup.database.footprint)
        #expect(sync.managementGroup.database.storage.effectiveDevices == test1.managementGroup.database.storage.effectiveDevices)
        #expect(sync.consoles.requests.map(\.pageReads) == test1.consoles.requests.map(\.pageReads))
        #expect(sync.consoles.requests.map(\.roundTrips) == test1.consoles.requests.map(\.roundTrips))
        #expect(sync.workflows.job.pageReads == test1.workflows.job.pageReads)
    }

    /// Test 2's layout is not published: both readings are shipped.
    @Test func testTwoIsShippedOnTwoServersAndOnOne() throws {
        #expect(try Self.load("published/test-2-sql-32gb.yaml").layout.servers.count == 2)
        let one = try Self.load("published/test-2-sql-32gb-one-server.yaml")
        #expect(one.layout.servers.count == 1 && one.consoles.peak == 80)
    }
}
