@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Stochastics
import Testing

/// A scheduled job's page reads: with SQL memory in the scenario, the buffer pool's misses on an
/// object's reads become storage time after its database time, as for workflow jobs.
struct ScheduledJobStorageTests {
    static let objects = 5000

    /// A quiet group with SQL memory whose consoles and workflows read no pages, so that the
    /// connector's initial sync is the only work on the storage.
    static func scenario(pageReads: Double?) -> Scenario {
        var s = ScheduledJobTests.quiet()
        s.warmup = 0
        s.managementGroup.database.memory = 8
        s.managementGroup.database.rows = 2_500_000
        for i in s.consoles.requests.indices { s.consoles.requests[i].pageReads = 0 }
        s.workflows.job.pageReads = 0
        if let pageReads {
            s.workflows.connectors = [ScheduledJob(
                name: "cm", kind: .configurationManager, every: 3600, objects: 0,
                object: .init(server: ScheduledJobTests.fixed(0.05), database: ScheduledJobTests.fixed(0.05),
                              pageReads: pageReads),
                initialSync: .init(objects: objects, at: 0))]
        }
        return s
    }

    static func storageUtilization(_ model: ManagementGroupModel) -> Double {
        model.recorder.summary.first { $0.metric == .storageUtilization }?.value ?? -1
    }

    @Test func storageBusyTimeGrowsWithTheObjectsPageReads() throws {
        let without = runChecked(Self.scenario(pageReads: nil))
        let none = runChecked(Self.scenario(pageReads: 0))
        // No reads: the storage sees exactly what it sees without the connector (nothing here).
        #expect(Self.storageUtilization(none) == Self.storageUtilization(without))
        #expect(none.counts.scheduledWork?.objectsCompleted == Self.objects)

        let reads = 2000.0
        let model = runChecked(Self.scenario(pageReads: reads))
        let w = try #require(model.counts.scheduledWork)
        #expect(w.objectsCompleted == Self.objects && w.objectsQueued == Self.objects)
        #expect(model.conservation.holds)
        // Each object's storage demand is exponential with mean reads × miss ratio × read time /
        // devices; the busy time of 5 000 of them has standard deviation mean × √5 000.
        let config = model.config
        #expect(config.hitRatio > 0.5 && config.hitRatio < 1)
        let mean = reads * config.storageSecondsPerRead
        #expect(abs(mean - config.scheduledJobs[0].storageMean) < 1e-15)
        let duration = Self.scenario(pageReads: reads).duration
        let expected = Double(Self.objects) * mean / duration
        let sigma = mean * Double(Self.objects).squareRoot() / duration
        let growth = Self.storageUtilization(model) - Self.storageUtilization(none)
        #expect(abs(growth - expected) < 4 * sigma, "storage utilization grew \(growth), expected \(expected) ± \(4 * sigma)")
        #expect(growth > 0.1)
    }

    @Test func negativePageReadsAreRefusedWithTheirPosition() throws {
        let path = ConnectorSyncFactTests.path.replacingOccurrences(of: "published/cm-initial-sync.yaml",
                                                                    with: "day-with-grooming.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("name: work-item-grooming") })
        let old = String(lines[row])
        let range = try #require(old.range(of: "pageReads: "))
        var edited = lines.map(String.init)
        let rest = old[range.upperBound...].drop { $0.isNumber || $0 == "." }
        edited[row] = String(old[..<range.upperBound]) + "-1" + rest
        let column = old.distance(from: old.startIndex, to: range.upperBound) + 1
        do {
            _ = try ScenarioLoader.parse(yaml: edited.joined(separator: "\n"), file: "g.yaml")
            Issue.record("pageReads: -1 was accepted")
        } catch {
            #expect(error.description.hasPrefix("g.yaml:\(row + 1):\(column): error: workflows.grooming[0].object.pageReads"),
                    "\(error.description)")
        }
    }
}
