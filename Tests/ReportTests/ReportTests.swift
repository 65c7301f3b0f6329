import Foundation
import Stochastics
import Testing
@testable import Report

/// A small run directory written by hand: two servers and the database over three windows,
/// a summary whose p95 passes and whose peak utilization fails the shipped weekday-40
/// objectives, one failure and its repair.
struct RunFixture {
    let dir: String
    let scenarioPath: String

    /// `workload`: the files of a scenario with database memory and idle periods (a storage
    /// station, active consoles per window, the time breakdown and the hit ratio).
    init(hash: String? = nil, station: String = "MS02", workload: Bool = false) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        scenarioPath = root.appendingPathComponent("Scenarios/weekday-40.yaml").path
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let content = try String(contentsOfFile: scenarioPath, encoding: .utf8)
        let h = hash ?? String(StreamSeed.fnv1a64(content), radix: 16)
        var ts = "scenario,ratio,servers,down,replications,window_start_s,window_end_s,warmup,station,kind,workflow_role,up,consoles,requests_completed,requests_failed,reconnects,utilization,utilization_ci95,queue_length,latency_mean_ms,latency_p95_ms,latency_p95_ci95,latency_p99_ms,workflow_backlog,workflow_lag_p95_s\n"
        if workload { ts = ts.replacingOccurrences(of: "\n", with: ",active_consoles\n") }
        for w in 0..<3 {
            let t = w * 300
            let active = workload ? ",\(20 + w)" : "", none = workload ? "," : ""
            ts += "weekday-40,40,2,0,2,\(t),\(t + 300),0,MS01,initial,1,1,0,0,0,0,0.2,0.01,0.5,,,,,\(10 + w),50\(workload ? ",0" : "")\n"
            ts += "weekday-40,40,2,0,2,\(t),\(t + 300),0,\(station),additional,0,1,40,900,0,0,0.\(6 + w),0.05,3,1000,\(2500 + 100 * w),120,4000,,\(active)\n"
            ts += "weekday-40,40,2,0,2,\(t),\(t + 300),0,SQL,database,0,1,0,0,0,0,0.5,0.02,1,,,,,,\(none)\n"
            if workload { ts += "weekday-40,40,2,0,2,\(t),\(t + 300),0,SQL-storage,storage,0,1,,0,0,0,0.\(3 + w),0.04,0.4,,,,,,\(none)\n" }
            ts += "weekday-40,40,2,0,2,\(t),\(t + 300),0,all,all,0,1,40,900,0,0,0.\(6 + w),0.05,3,1000,\(2500 + 100 * w),120,4000,\(10 + w),50\(active)\n"
        }
        try ts.write(toFile: "\(dir)/timeseries-mean.csv", atomically: true, encoding: .utf8)
        let summary = """
        scenario,ratio,servers,down,replications,metric,station,mean,ci95,min,max
        weekday-40,40,2,0,2,latency_p95_ms,all,2600,100,2500,2700
        weekday-40,40,2,0,2,server_utilization_peak,all,0.95,0.01,0.94,0.96
        weekday-40,40,2,0,2,utilization_peak,SQL,0.6,0.3,0.3,0.9
        weekday-40,40,2,0,2,workflow_lag_p95_s,all,50,1,49,51

        """ + (workload ? """
        weekday-40,40,2,0,2,latency_mean_ms,all,900,30,870,930
        weekday-40,40,2,0,2,database_hit_ratio,SQL,0.9784,0,0.9784,0.9784
        weekday-40,40,2,0,2,storage_utilization,SQL,0.41,0.005912,0.40,0.42
        weekday-40,40,2,0,2,storage_utilization_peak,SQL,0.55,0.02,0.53,0.57
        weekday-40,40,2,0,2,active_consoles_mean,all,21,0.5,20.5,21.5
        weekday-40,40,2,0,2,time_server_cpu_ms,all,120,2,118,122
        weekday-40,40,2,0,2,time_database_cpu_ms,all,60,1,59,61
        weekday-40,40,2,0,2,time_storage_ms,all,30,0.8,29,31
        weekday-40,40,2,0,2,time_network_ms,all,150,0,150,150
        weekday-40,40,2,0,2,time_queueing_ms,all,540,25,515,565

        """ : "")
        try summary.write(toFile: "\(dir)/summary.csv", atomically: true, encoding: .utf8)
        let events = """
        scenario,ratio,servers,down,replication,time_s,event,target,consoles,failed_requests,workflow_jobs,recovery_s
        weekday-40,40,2,0,0,300,server-failure,\(station),40,3,0,60
        weekday-40,40,2,0,0,600,server-repair,\(station),0,0,0,

        """
        try events.write(toFile: "\(dir)/events.csv", atomically: true, encoding: .utf8)
        let manifest: [String: Any] = [
            "scenario": "weekday-40", "scenarioPath": scenarioPath, "scenarioHash": h, "seed": 7, "replications": 2,
            "smsimVersion": "0.1.0", "additionalServers": 2, "consolesPerServer": 40, "down": 0, "wallSeconds": 1.5, "events": 1000,
            "conservation": [["replication": 0, "conserved": true, "events": 500,
                              "conservation": ["counts": ["sessionsArrived": 10, "sessionsCompleted": 8, "requestsIssued": 5, "requestsCompleted": 5,
                                                          "workflowsTriggered": 3, "workflowsCompleted": 3],
                                               "sessionsActive": 2, "requestsInFlight": 0, "workflowsPending": 0]]],
        ]
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: URL(fileURLWithPath: "\(dir)/run.json"))
    }

    var options: ReportOptions { ReportOptions(directory: dir, sourcesPath: "/nonexistent/Sources.md", validationScale: nil) }
}

@Suite struct ReportTests {
    @Test func runReportLeadsWithEachObjectivesVerdict() throws {
        let f = try RunFixture()
        let html = try ReportBuilder.html(f.options)
        let answer = String(html[html.range(of: "id=\"answer\"")!.lowerBound..<html.range(of: "<nav>")!.lowerBound])
        #expect(answer.contains("No: 1 of 4 objectives FAIL (peak server utilization)"))
        #expect(answer.contains("<span class=\"verdict PASS\">PASS</span> 95 % of console requests answered within 4 s: estimate 2.60 s ± 0.10 s"))
        #expect(answer.contains("<span class=\"verdict FAIL\">FAIL</span> busiest 5-minute window of any management server"))
        #expect(answer.contains("<span class=\"verdict UNSURE\">UNSURE</span> busiest 5-minute window of the database"))
    }

    @Test func everyFigureIsAnSVGWithPathsAndATableWithHeaders() throws {
        let html = try ReportBuilder.html(try RunFixture().options)
        let figures = html.components(separatedBy: "<figure class=\"plot\">").dropFirst()
        #expect(figures.count == 6)
        for f in figures {
            #expect(f.contains("<svg"))
            #expect(f.contains("<path class=\"line\"") || f.contains("<path class=\"bar\""))
            #expect(f.contains("<thead><tr><th scope=\"col\">"))
        }
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("<script"))
    }

    @Test func saysWhatTheModelDoesNotProduce() throws {
        let html = try ReportBuilder.html(try RunFixture().options)
        #expect(html.contains("this run has no storage utilization"))
        #expect(html.contains("Active consoles (those in an active period"))
        #expect(html.contains("Where each request&#39;s time went: not recorded") || html.contains("Where each request's time went: not recorded"))
        #expect(html.contains("The validation suite was not run for this report"))
        #expect(html.contains("No source table"))
    }

    /// A workload run: the storage next to the servers and the database, connected and
    /// active consoles, and where each request's time went, all from the columns and metrics
    /// the model writes.
    @Test func drawsStorageActiveConsolesAndTheTimeBreakdown() throws {
        let html = try ReportBuilder.html(try RunFixture(workload: true).options)
        #expect(!html.contains("this run has no storage utilization"))
        #expect(!html.contains("not recorded for this run"))
        #expect(!html.contains("Active consoles (those in an active period"))
        let figures = html.components(separatedBy: "<figure class=\"plot\">").dropFirst()
        #expect(figures.count == 8)
        let utilization = try #require(figures.first { $0.contains("<figcaption>Utilization:") })
        #expect(utilization.contains("and its storage</figcaption>"))
        #expect(utilization.contains("<title>SQL-storage (storage)</title>"))
        #expect(utilization.contains("<th scope=\"col\">SQL-storage (storage) (fraction)</th>"))
        let consoles = try #require(figures.first { $0.contains("<figcaption>Consoles connected and active") })
        #expect(consoles.contains("<title>active, all servers</title>") && consoles.contains("<td>21</td>"))
        let parts = try #require(figures.first { $0.contains("<figcaption>Where each request") })
        #expect(parts.components(separatedBy: "<path class=\"bar\"").count == 6)
        #expect(parts.contains("<td>waiting in queues</td><td>time_queueing_ms</td><td>0.540 ± 0.025</td><td>60.0 %</td>"))
        #expect(parts.contains("answers 97.8 % of page reads from memory"))
        #expect(html.contains("<td>database SQL: mean storage utilization / busiest window</td><td>41.00 % ± 0.59 % / 55.0 % ± 2.0 %</td>"))
        #expect(html.contains("<td>consoles active (time average)</td><td>21.00 ± 0.50</td>"))
        #expect(!html.contains("e-0"))
    }

    /// The robust page names the command that wrote its directory: check, compare or size.
    @Test(arguments: [("", "smsim check --robust"), ("robust-compare.csv", "smsim compare --robust"),
                      ("robust-size.csv", "smsim size --robust")])
    func robustPageNamesItsCommand(_ marker: String, _ command: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-robust-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        world,consoles.thinkTime.mean,consoles.networkLatency,decided,holds
        1,12,0.001,simulated,1
        2,20,0.002,simulated,0

        """.write(toFile: dir + "/robust.csv", atomically: true, encoding: .utf8)
        try "small: 40 consoles, seed 1\nevery objective holds in 1 of 2 plausible worlds\n".write(toFile: dir + "/robust.txt", atomically: true, encoding: .utf8)
        if !marker.isEmpty { try "world\n".write(toFile: dir + "/" + marker, atomically: true, encoding: .utf8) }
        let html = try ReportBuilder.html(ReportOptions(directory: dir, sourcesPath: "/nonexistent", validationScale: nil))
        #expect(html.contains(command + ": the scenario asked in many plausible worlds"), "\(command)")
        for other in ["check", "compare", "size"] where !command.contains(other) {
            #expect(!html.contains("smsim \(other) --robust:"), "\(command) page names \(other)")
        }
    }

    /// The sensitivity page names the metric as a person does and shows it in seconds.
    @Test func sensitivityPageSpeaksInSeconds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-sens-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        scenario,metric,method,rank,factor,field,base_value,low_value,high_value,metric_base,low_diff,low_ci95,high_diff,high_ci95,effect,effect_ci95,replications
        weekday-40,p95Latency,one-at-a-time,1,think time,consoles.thinkTime.mean,12,9.6,14.4,2899.97,417.792,104.089,-172.032,104.089,-589.824,2.88906e-12,2
        weekday-40,p95Latency,one-at-a-time,2,consoles,consoles.peak,80,60,100,2899.97,-229.376,0,-188.416,104.089,40.96,104.089,2

        """.write(toFile: dir + "/sensitivity.csv", atomically: true, encoding: .utf8)
        let html = try ReportBuilder.html(ReportOptions(directory: dir, sourcesPath: "/nonexistent", validationScale: nil))
        #expect(html.contains("<title>weekday-40: which inputs move p95 latency most?</title>"))
        #expect(html.contains("think time moves p95 latency most: by -0.5898 s in every replication from its low (9.6) to its high (14.4) setting (2 replications per setting)."))
        #expect(html.contains("change in p95 latency (s) from the base run"))
        #expect(!html.contains("p95Latency most") && !html.contains("e-12"))
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let f = try RunFixture()
        #expect(try ReportBuilder.html(f.options) == ReportBuilder.html(f.options))
        let path = try ReportBuilder.write(f.options)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ReportBuilder.html(f.options))
    }

    @Test func aChangedScenarioIsNotUsedForVerdicts() throws {
        let html = try ReportBuilder.html(try RunFixture(hash: "0123456789abcdef").options)
        #expect(html.contains("has changed since the run"))
        #expect(!html.contains("class=\"verdict FAIL\""))
    }

    @Test func namesAreEscaped() throws {
        let html = try ReportBuilder.html(try RunFixture(station: "MS<02>&").options)
        #expect(html.contains("MS&lt;02&gt;&amp;"))
        #expect(!html.contains("MS<02>"))
    }

    @Test func timelineDrawsTheFailureUntilItsRepair() throws {
        let f = try RunFixture()
        let run = RunOutput(directory: f.dir)!
        let spans = RunFigures(run: run, context: ScenarioContext(path: f.scenarioPath, expectedHash: nil)).timelineSpans
        #expect(spans.count == 1)
        #expect(spans.first?.start == 300 && spans.first?.end == 600 && spans.first?.lane == "MS02")
    }

    @Test func anEmptyDirectoryIsBadInput() {
        #expect(throws: ReportBuilder.NothingToReport.self) {
            try ReportBuilder.html(ReportOptions(directory: FileManager.default.temporaryDirectory.path + "/no-such-output"))
        }
    }

    @Test func clockTimeOnlyWhenTheScenarioSaysWhenTheDayStarts() {
        #expect(ScenarioContext.startsAt(in: "name: x\nstartsAt: 07:30\n") == 27000)
        #expect(ScenarioContext.startsAt(in: "name: x\n") == nil)
        #expect(ScenarioContext.startsAt(in: "startsAt: noon\n") == nil)
        #expect(NumberText.time(3600, startsAt: 27000) == "08:30")
        #expect(NumberText.time(5400, startsAt: nil) == "1:30")
        #expect(NumberText.time(300, startsAt: nil) == "0:05")
        #expect(NumberText.time(3600, startsAt: 82_800) == "00:00")
    }

    @Test func numbersHaveAboutFourSignificantDigitsAndNoTrailingZeros() {
        #expect(NumberText.show(2892.4) == "2892")
        #expect(NumberText.show(4.0) == "4")
        #expect(NumberText.show(0.70271) == "0.7027")
        #expect(NumberText.show(-0.00001) == "-1e-05")
        #expect(NumberText.show(0.005912) == "0.005912")
        #expect(NumberText.interval(2.5, 0) == "2.5 ± 0")
        // NumberFormat.estimate's rule: the half-width to two significant digits, the mean to the same place.
        #expect(NumberText.interval(0.7027, 0.005912) == "0.7027 ± 0.0059")
        #expect(NumberText.interval(2892.4, 624.7) == "2890 ± 620")
        #expect(NumberText.interval(2.6, 0.0001234) == "2.60000 ± 0.00012")
        #expect(NumberText.interval(0.41, 0.2793) == "0.41 ± 0.28")
        #expect(NumberText.interval(0.06727, 5.56057) == "0.1 ± 5.6")
        #expect(NumberText.percentInterval(0.7778, 0.1558) == "78 % ± 16 %")
        #expect(NumberText.interval(-589.8, 2.9e-12) == "-589.8 ± 0")
        #expect(NumberText.signed(-0.25) == "−0.25")
    }

    @Test func sourceTableMatchesFieldsByPathSuffix() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString).md").path
        try """
        | field | value | unit | source |
        |---|---|---|---|
        | `initialServer.cores`, `additionalServers.cores` | 4 | cores | S-SYSREQ |
        | `failures.reconnect.retryEvery` / `giveUpAfter` | 30 s / 30 min | — | assumption |
        | `requests[].roundTrips` | 1 | round trips | neutral |
        | `workflows.concurrency` | 4 | threads | assumption: calibrate with `smsim calibrate` |
        | `name`, `consoles.peak` | — | — | the question the scenario asks: as written |
        | think time while active | 15 | s | assumption |
        | `consoles.logon` | none | — | neutral |
        | `consoles.logon` — the published logon | 6 | s | assumption: calibrate |
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let t = try #require(SourceTable(path: path))
        #expect(t.entry(for: "managementGroup.additionalServers.cores") == "4 — cores — S-SYSREQ")
        #expect(t.entry(for: "failures.reconnect.giveUpAfter")?.hasSuffix("assumption") == true)
        #expect(t.entry(for: "consoles.requests[2].roundTrips") == "1 — round trips — neutral")
        #expect(t.entry(for: "consoles.thinkTime.mean") == nil, "a first cell without backticks names no field")
        #expect(t.entry(for: "consoles.think") == nil)
        // A scenario that writes a field sets a value: the row about values wins over the neutral default.
        #expect(t.entry(for: "consoles.logon.server.mean") == "6 — s — assumption: calibrate")
        let a = Assumptions(scenarioText: "managementGroup:\n  additionalServers: { cores: 8 }\nfailures:\n  reconnect: { giveUpAfter: 10m }\n"
                                + "workflows: { concurrency: 2 }\nconsoles: { peak: 40 }\n",
                            scenarioPath: "s.yaml", sources: t)
        // A value still to be calibrated is an assumption, not a fitted one; the question is as written.
        #expect(a.inputs.map(\.status) == ["sourced", "assumption", "assumption", ""])
        #expect(a.inputs.first?.source == "s.yaml:2; 4 — cores — S-SYSREQ")
    }
}

@Suite struct AssumptionTests {
    /// Every input of every shipped scenario has its row in Documentation/Sources.md: sourced,
    /// an assumption, or the scenario's own question (as written). None is left unaccounted.
    @Test func everyShippedInputHasASource() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = try #require(SourceTable(path: root.appendingPathComponent("Documentation/Sources.md").path))
        let dir = root.appendingPathComponent("Scenarios")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 15)
        var inputs = 0
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let a = Assumptions(scenarioText: text, scenarioPath: file, sources: sources)
            inputs += a.inputs.count
            for input in a.inputs where input.status == "no source recorded" {
                Issue.record("\(file): \(input.field) has no row in Documentation/Sources.md")
            }
        }
        #expect(inputs > 500)
    }


    @Test func aCalibratedValueIsMarkedFittedWithItsComment() {
        let text = """
        consoles:
          # consoles.requests[0].server.mean fitted: open-view 0.61 s ± 0.02 s (95 %)
          thinkTime: { mean: 12s }
          peak: 400
        """
        let a = Assumptions(scenarioText: text, scenarioPath: "c.yaml", sources: nil)
        #expect(a.inputs.map(\.field) == ["consoles.thinkTime.mean", "consoles.peak"])
        #expect(a.inputs[0].status == "fitted")
        #expect(a.inputs[0].source.contains("fitted: open-view 0.61 s ± 0.02 s"))
        #expect(a.inputs[1].status == "")
    }
}
