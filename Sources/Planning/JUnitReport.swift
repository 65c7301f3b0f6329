import Foundation
import RunOutput
import ScenarioSpec

/// SLO verdicts as JUnit XML, the format CI servers (Jenkins, GitLab, GitHub actions'
/// test reporters, Azure DevOps) show as test results: one `<testsuite>` per scenario and one
/// `<testcase>` per objective. FAIL is a `<failure type="FAIL">`; UNSURE counts as a failure
/// too (`type="UNSURE"`), as `smsim check` treats it.
public struct JUnitReport: Sendable {
    public var scenario: String
    public var verdicts: [SLOResult]
    /// Properties shown with the suite (seed, replications, servers…).
    public var properties: [(String, String)]
    /// Wall time of the simulation, seconds.
    public var seconds: Double

    public init(scenario: String, verdicts: [SLOResult], properties: [(String, String)] = [], seconds: Double = 0) {
        self.scenario = scenario
        self.verdicts = verdicts
        self.properties = properties
        self.seconds = seconds
    }

    public var failures: Int { verdicts.filter { $0.verdict != .pass }.count }

    /// The document, UTF-8, ending with a line break.
    public func xml() -> String {
        let time = NumberFormat.elapsed(seconds)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"smsim check\" tests=\"\(verdicts.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(time)\">\n"
        out += "  <testsuite name=\"\(Self.escape(scenario))\" tests=\"\(verdicts.count)\" failures=\"\(failures)\" errors=\"0\" "
            + "skipped=\"0\" time=\"\(time)\">\n"
        if !properties.isEmpty {
            out += "    <properties>\n"
            for (name, value) in properties {
                out += "      <property name=\"\(Self.escape(name))\" value=\"\(Self.escape(value))\"/>\n"
            }
            out += "    </properties>\n"
        }
        for v in verdicts {
            out += "    <testcase classname=\"smsim.slo.\(Self.escape(scenario))\" name=\"\(Self.escape(v.name))\" time=\"0\""
            let line = Self.describe(v)
            switch v.verdict {
            case .pass:
                out += ">\n      <system-out>\(Self.escape(line))</system-out>\n    </testcase>\n"
            case .fail, .inconclusive:
                let hint = v.verdict == .fail ? "the whole 95 % interval is beyond the limit"
                    : "the 95 % interval straddles the limit; add replications (--replications or --precision) to decide"
                out += ">\n      <failure type=\"\(v.verdict.rawValue)\" message=\"\(Self.escape(line))\">"
                    + "\(Self.escape(line + ": " + hint))</failure>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// `p95Latency 1.83 ± 0.12 s, limit 2 s: PASS`: the estimate by the one interval rule
    /// (`NumberFormat.estimate`), so a CI server shows the digits the terminal shows.
    public static func describe(_ v: SLOResult) -> String {
        let e = v.estimate
        let unit = v.unit.isEmpty ? "" : " " + v.unit
        let value = NumberFormat.estimate(e.mean, e.halfWidth, plain: .compact)
        return "\(v.name) \(value)\(unit), limit \(NumberFormat.compact(v.limit))\(unit): \(v.verdict.rawValue)"
    }

    /// Text for an attribute value or element content.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
