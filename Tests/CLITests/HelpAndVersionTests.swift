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
}
