import Testing

/// Bad input of any kind: exit status 2 and exactly one line on standard error.
@Suite struct CommandLineErrorTests {
    @Test(arguments: [
        ["validate", "mmc", "--arrival-rate", "2", "--service-rate", "1"],
        ["validate", "mmc", "--arrival-rate", "1", "--service-rate", "1"],
        ["validate", "mmc", "--arrival-rate", "0.5", "--service-rate", "1", "--servers", "0"],
        ["validate", "mmc", "--arrival-rate", "0.5", "--service-rate", "1", "--customers", "5"],
        ["validate", "mmc", "--arrival-rate", "-1", "--service-rate", "1"],
        ["validate", "mmc", "--arrival-rate", "abc", "--service-rate", "1"],
        ["validate", "mmc", "--arrival-rate", "0.5"],
        ["validate", "mmc", "--arrival-rate", "0.5", "--service-rate", "1", "--bogus"],
        ["validate", "closed", "--consoles", "5", "--think", "1", "--station", "ms=abc"],
        ["validate", "closed", "--consoles", "5", "--think", "1", "--station", "ms=x4"],
        ["validate", "closed", "--consoles", "5", "--think", "1", "--station", "ms=0.2x"],
        ["validate", "closed", "--consoles", "5", "--think", "1", "--station", "ms=0.2x0"],
        ["validate", "closed", "--consoles", "5", "--think", "1", "--station", "=0.2"],
        ["validate", "closed", "--consoles", "5", "--think", "1"],
        ["validate", "closed", "--consoles", "0", "--think", "1", "--station", "ms=0.2"],
        ["validate", "closed", "--consoles", "5", "--think", "1", "--station", "ms=0.2", "--cycles", "10"],
        ["validate", "suite", "--scale", "0"],
        ["no-such-command"],
    ])
    func badInputExitsWithStatus2AndOneLine(arguments: [String]) throws {
        let output = try SmsimProcess.run(arguments)
        #expect(output.status == 2, "\(arguments): status \(output.status), stderr: \(output.stderr)")
        #expect(output.stderrLines.count == 1, "\(arguments): stderr was \(output.stderr.debugDescription)")
        #expect(output.stderr.hasPrefix("smsim: "), "\(arguments)")
        #expect(output.stdout.isEmpty, "\(arguments): stdout was \(output.stdout.debugDescription)")
    }

    @Test func messageNamesTheProblem() throws {
        let output = try SmsimProcess.run(["validate", "mmc", "--arrival-rate", "0.5", "--service-rate", "1", "--servers", "0"])
        #expect(output.stderr.contains("servers"))
        let station = try SmsimProcess.run(["validate", "closed", "--consoles", "5", "--think", "1", "--station", "ms=abc"])
        #expect(station.stderr.contains("ms=abc"))
    }

    /// The hint names the help of the command the mistake was made in.
    @Test(arguments: [(["run"], "(see smsim help run)"), (["compare", "x.yaml"], "(see smsim help compare)"),
                      (["validate", "mmc", "--arrival-rate", "0.5"], "(see smsim help validate mmc)"),
                      (["no-such-command"], "(see smsim help)")])
    func hintNamesTheCommandsHelp(arguments: [String], hint: String) throws {
        let output = try SmsimProcess.run(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.hasSuffix(hint + "\n"), "\(arguments): \(output.stderr)")
    }
}
