@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Testing

/// `startsAt`: a clock time that labels reports and plots and changes no simulated figure.
struct StartsAtTests {
    private static func yaml(_ startsAt: String?) -> String {
        """
        name: t
        duration: 2h
        \(startsAt.map { "startsAt: \($0)" } ?? "# no startsAt")
        consoles:
          peak: 20
          sessionLength: { distribution: exponential, mean: 1h }
          thinkTime: { distribution: exponential, mean: 30s }
          requests:
            - { name: a, weight: 1, server: { distribution: exponential, mean: 100ms } }
        workflows:
          job: { server: { distribution: exponential, mean: 400ms } }
        """
    }

    @Test func readsClockTimesAsWritten() throws {
        #expect(try ScenarioLoader.parse(yaml: Self.yaml("07:00"), file: "t.yaml").startsAt == 25_200)
        #expect(try ScenarioLoader.parse(yaml: Self.yaml("7:30"), file: "t.yaml").startsAt == 27_000)
        #expect(try ScenarioLoader.parse(yaml: Self.yaml("\"06:45:30\""), file: "t.yaml").startsAt == 24_330)
        #expect(try ScenarioLoader.parse(yaml: Self.yaml("00:00"), file: "t.yaml").startsAt == 0)
        #expect(try ScenarioLoader.parse(yaml: Self.yaml(nil), file: "t.yaml").startsAt == nil)
        #expect(TimeOfDay.text(25_200) == "07:00" && TimeOfDay.text(24_330) == "06:45:30")
    }

    @Test(arguments: ["25:00", "07:60", "7", "07:00:60", "noon", "-1:00", "07:0", "1e3", "[7, 0]"])
    func refusesWhatIsNotATimeOfDay(_ value: String) {
        do {
            _ = try ScenarioLoader.parse(yaml: Self.yaml(value), file: "t.yaml")
            Issue.record("startsAt: \(value) was accepted")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:3:11: error: startsAt: expected a time of day such as 07:00"), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    /// The same seed with and without startsAt: the same windows, the same summary.
    @Test func changesNoSimulatedFigure() throws {
        var with = try ScenarioLoader.parse(yaml: Self.yaml("07:00"), file: "t.yaml")
        var without = try ScenarioLoader.parse(yaml: Self.yaml(nil), file: "t.yaml")
        with.replications = 1
        without.replications = 1
        let a = RunReport(scenario: with, replications: ScenarioRunner.run(with, replications: 0..<1, threads: 1))
        let b = RunReport(scenario: without, replications: ScenarioRunner.run(without, replications: 0..<1, threads: 1))
        #expect(a.timeSeriesCSV() == b.timeSeriesCSV())
        #expect(a.summaryCSV() == b.summaryCSV())
    }
}
