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
        #expect(JUnitReport.describe(Self.verdict(.p95Latency, .pass)) == "p95Latency 1.5 ± 0.1 s, limit 2 s: PASS")
    }
}
