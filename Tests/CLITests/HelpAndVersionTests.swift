import Foundation
import Testing
@testable import smsim

@Suite struct HelpAndVersionTests {
    @Test func versionPrintsTheVersion() throws {
        let output = try SmsimProcess.run(["--version"])
        #expect(output.status == 0)
        let printed = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed == Smsim.version)
        #expect(printed.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "version \(printed)")
        #expect(output.stderr.isEmpty)
    }

    @Test(arguments: [["--help"], ["validate", "--help"], ["validate", "mmc", "--help"], ["validate", "closed", "--help"]])
    func helpExitsZeroAndShowsAnExample(arguments: [String]) throws {
        let output = try SmsimProcess.run(arguments)
        #expect(output.status == 0, "\(arguments): status \(output.status)")
        #expect(output.stdout.contains("Example"), "\(arguments): no example in\n\(output.stdout)")
        #expect(output.stdout.contains("smsim validate"), "\(arguments)")
        #expect(output.stderr.isEmpty)
    }

    /// Help (and the manual page made from it) does not print the core count of the machine it
    /// ran on as --threads' default: it says "all cores".
    @Test(arguments: ["run", "check", "compare", "sweep", "size", "sensitivity"])
    func threadsDefaultIsAllCores(command: String) throws {
        let output = try SmsimProcess.run(["help", command])
        #expect(output.status == 0)
        let help = output.stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        let threads = try #require(help.range(of: "--threads <threads> "), "\(command): no --threads in\n\(output.stdout)")
        // Up to the next option.
        let rest = help[threads.upperBound...]
        let text = rest[..<(rest.range(of: " --")?.lowerBound ?? rest.endIndex)]
        #expect(text.contains("(default: all cores)") && !text.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"),
                "\(command): \(text)")
    }
}
