import ScenarioSpec

/// A planning request that cannot be carried out (a variant that makes no sense, a sweep file
/// from another sweep, shards that do not fit together). `message` is one line meant for the
/// user, without a prefix; the command line prints it after `smsim: `.
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = ScenarioError.oneLine(message)
    }

    public var description: String { message }
}
