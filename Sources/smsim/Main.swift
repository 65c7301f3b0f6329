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
                printError("smsim: error: \(message) (see \(helpCommand(Array(CommandLine.arguments.dropFirst()))))")
                exit(2)
            }
            Smsim.exit(withError: error)
        }
    }
}

/// `smsim help run`, `smsim help validate mmc`: the help of the deepest command the
/// arguments name, so a mistake points at the options of the command it was made in.
func helpCommand(_ arguments: [String]) -> String {
    var command: ParsableCommand.Type = Smsim.self
    var words = ["smsim", "help"]
    for argument in arguments {
        guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
        words.append(argument)
        command = sub
    }
    return words.joined(separator: " ")
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
