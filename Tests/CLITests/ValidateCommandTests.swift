import Foundation
import Testing

@Suite struct ValidateCommandTests {
    static let mmcArguments = ["validate", "mmc", "--arrival-rate", "0.9", "--service-rate", "1", "--servers", "1",
                               "--customers", "20000", "--seed", "1", "--json"]
    static let goldenName = "validate-mmc-seed1"
    /// Keys whose values depend on the machine, removed before comparing with the golden file.
    static let timingKeys = ["wallSeconds", "eventsPerSecond"]

    static func runMMcJSON() throws -> (output: SmsimProcess.Output, json: [String: JSONValue]) {
        let output = try SmsimProcess.run(mmcArguments)
        let object = try #require(try JSONValue.parse(output.stdout).object, "stdout is not a JSON object: \(output.stdout)")
        return (output, object)
    }

    @Test func mmcJSONIsOneObjectWithAllKeys() throws {
        let (output, json) = try Self.runMMcJSON()
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stderr.isEmpty)
        // One JSON object on one line.
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("{") == true && lines.first?.hasSuffix("}") == true)
        for key in ["customers", "meanWait", "meanTimeInSystem", "utilization", "meanWaitCI95", "events",
                    "wallSeconds", "eventsPerSecond"] {
            #expect(json[key]?.number != nil, "missing or non-numeric key \(key)")
        }
        #expect(json["customers"]?.number == 20_000)
        // Every event is an arrival or a departure: at least two per customer served.
        #expect((json["events"]?.number ?? 0) >= 40_000)
        #expect((json["wallSeconds"]?.number ?? -1) >= 0)
        // The simulated figures are in the right region (Erlang C: Wq = 9, ρ = 0.9).
        #expect(abs((json["utilization"]?.number ?? 0) - 0.9) < 0.05)
        #expect((json["meanWaitCI95"]?.number ?? 0) > 0)
        let erlang = try #require(json["erlangC"]?.object)
        #expect(abs((erlang["meanWait"]?.number ?? 0) - 9) < 1e-9)
    }

    /// The whole output, timing aside, is fixed by the seed: compare it with a golden file.
    /// To regenerate after an intended change, run with SMSIM_UPDATE_GOLDEN=1.
    @Test func mmcJSONMatchesGoldenFile() throws {
        let (output, json) = try Self.runMMcJSON()
        #expect(output.status == 0)
        var stripped = json
        for key in Self.timingKeys { stripped[key] = nil }
        let actual = JSONValue.object(stripped)

        if ProcessInfo.processInfo.environment["SMSIM_UPDATE_GOLDEN"] == "1" {
            let target = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent("\(Self.goldenName).json")
            try actual.prettyText.write(to: target, atomically: true, encoding: .utf8)
            Issue.record("golden file rewritten at \(target.path); rerun without SMSIM_UPDATE_GOLDEN")
            return
        }

        let url = try #require(Bundle.module.url(forResource: Self.goldenName, withExtension: "json", subdirectory: "Golden"),
                               "golden file missing from the test resources")
        let golden = try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        let differences = JSONValue.differences(actual, golden)
        #expect(differences.isEmpty, "differs from \(Self.goldenName).json: \(differences.joined(separator: "; "))")
        #expect(actual == golden)
    }

    /// The same seed prints the same numbers; another seed prints different ones.
    @Test func seedDeterminesOutput() throws {
        let a = try SmsimProcess.run(Self.mmcArguments)
        let b = try SmsimProcess.run(Self.mmcArguments)
        var c = Self.mmcArguments
        c[c.firstIndex(of: "--seed")! + 1] = "2"
        let other = try SmsimProcess.run(c)
        func stripped(_ o: SmsimProcess.Output) throws -> JSONValue {
            var json = try #require(try JSONValue.parse(o.stdout).object)
            for key in Self.timingKeys { json[key] = nil }
            return .object(json)
        }
        #expect(try stripped(a) == stripped(b))
        #expect(try stripped(a) != stripped(other))
    }

    @Test func closedJSONHasResultAndMVA() throws {
        let output = try SmsimProcess.run(["validate", "closed", "--consoles", "10", "--think", "5",
                                           "--station", "ms=0.2x2", "--station", "db=0.1", "--cycles", "5000", "--json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let json = try #require(try JSONValue.parse(output.stdout).object)
        for key in ["cycles", "throughput", "throughputCI95", "responseTime", "responseTimeCI95", "events",
                    "wallSeconds", "eventsPerSecond"] {
            #expect(json[key]?.number != nil, "missing key \(key)")
        }
        #expect(json["cycles"]?.number == 5000)
        let mva = try #require(json["mva"]?.object)
        let simulated = try #require(json["throughput"]?.number)
        let exact = try #require(mva["throughput"]?.number)
        #expect(abs(simulated - exact) / exact < 0.1)
    }

    /// The table output of `validate mmc` lists the three metrics with a verdict each.
    @Test func mmcTableOutput() throws {
        let output = try SmsimProcess.run(["validate", "mmc", "--arrival-rate", "0.5", "--service-rate", "1",
                                           "--customers", "5000"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for metric in ["mean wait (s)", "mean time in system (s)", "utilization"] {
            #expect(output.stdout.contains(metric))
        }
        #expect(output.stdout.contains("PASS") || output.stdout.contains("FAIL"))
        #expect(output.stdout.contains("events "))
    }
}
