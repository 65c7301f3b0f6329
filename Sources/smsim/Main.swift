import ArgumentParser
import Foundation

/// Entry point: bad input of any kind exits with status 2 and one line on stderr.
@main
enum Main {
    static func main() {
        StopSignals.install()
        do {
            var command = try Smsim.parseAsRoot()
            try command.run()
        } catch let error as CommandFailure {
            printError(error.located ? error.message : "smsim: \(error.message)")
            exit(error.status)
        } catch {
            let code = Smsim.exitCode(for: error)
            if code == .validationFailure {
                let message = Smsim.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid input"
                printError("smsim: error: \(message) (see smsim help)")
                exit(2)
            }
            Smsim.exit(withError: error)
        }
    }
}

/// A failure with a chosen exit status: 1 a check failed, 2 bad input, 3 an internal inconsistency.
struct CommandFailure: Error {
    var message: String
    var status: Int32
    /// The message starts with `FILE:LINE:COL:` and is printed as is, for editors and CI.
    var located = false
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
