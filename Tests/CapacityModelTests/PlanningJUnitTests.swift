import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Statistics

@Suite struct PlanningJUnitTests {
    static func verdict(_ objective: Objective, _ verdict: SLOResult.Verdict, mean: Double = 1.5) -> SLOResult {
        SLOResult(objective: objective, limit: 2, estimate: Estimate(mean: mean, halfWidth: 0.1, min: 1, max: 2, count: 5),
                  verdict: verdict)
    }

    @Test func xmlIsWellFormedWithOneTestcasePerObjective() throws {
        let report = JUnitReport(scenario: "odd <name> & \"quotes\"",
                                 verdicts: [Self.verdict(.p95Latency, .pass), Self.verdict(.p99Latency, .fail, mean: 3),
                                            Self.verdict(.maxUtilization, .inconclusive, mean: 2)],
                                 properties: [("seed", "7"), ("path", "a&b<c>.yaml")], seconds: 1.25)
        let xml = report.xml()
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "3")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
        let suite = try #require(root.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == "odd <name> & \"quotes\"")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["p95Latency", "p99Latency", "maxUtilization"])
        #expect(cases[0].elements(forName: "failure").isEmpty)
        #expect(cases[1].elements(forName: "failure").first?.attribute(forName: "type")?.stringValue == "FAIL")
        #expect(cases[2].elements(forName: "failure").first?.attribute(forName: "type")?.stringValue == "UNSURE")
        let properties = suite.elements(forName: "properties").first?.elements(forName: "property") ?? []
        #expect(properties.last?.attribute(forName: "value")?.stringValue == "a&b<c>.yaml")
    }

    @Test func escaping() {
        #expect(JUnitReport.escape("a<b>&\"c\"'d'\n\u{1}") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;?")
        #expect(JUnitReport.describe(Self.verdict(.p95Latency, .pass)) == "p95Latency 1.50 ± 0.10 s, limit 2 s: PASS")
    }

    /// A JUnit message prints an estimate by the one interval rule: the half-width's two
    /// significant digits set the value's, `± 0` only for an exact value, the value alone
    /// without an interval.
    @Test func messagesUseTheIntervalRule() {
        func line(_ mean: Double, _ halfWidth: Double, _ objective: Objective = .p95Latency) -> String {
            JUnitReport.describe(SLOResult(objective: objective, limit: 2,
                                           estimate: Estimate(mean: mean, halfWidth: halfWidth, min: mean, max: mean, count: 5),
                                           verdict: .pass))
        }
        #expect(line(1.8334, 0.1046) == "p95Latency 1.83 ± 0.10 s, limit 2 s: PASS")
        #expect(line(0.7123456, 0.0000123, .maxUtilization) == "maxUtilization 0.712346 ± 0.000012, limit 2: PASS")
        #expect(line(0.01638, 3e-9) == "p95Latency 0.01638 ± 3.0e-09 s, limit 2 s: PASS")
        #expect(line(12345.678, 987.6) == "p95Latency 12350 ± 990 s, limit 2 s: PASS")
        #expect(line(0.75, 0, .maxUtilization) == "maxUtilization 0.75 ± 0, limit 2: PASS")
        #expect(line(1.5, .nan) == "p95Latency 1.5 s, limit 2 s: PASS")
        #expect(!line(0.01638, 1e-7).contains("± 0 "))
    }
}
