/// What a report is built from and how.
public struct ReportOptions: Sendable {
    /// The output directory of run, check, compare, sweep or size; report.html is written there.
    public var directory: String
    /// The scenario file, when the directory's run.json does not name a readable one
    /// (sweep and size record only the scenario's name and hash).
    public var scenarioPath: String?
    /// Documentation/Sources.md: where each default comes from.
    public var sourcesPath: String
    /// Run-length factor of the validation suite run for the report; nil skips it.
    public var validationScale: Double?

    public init(directory: String, scenarioPath: String? = nil, sourcesPath: String = "Documentation/Sources.md",
                validationScale: Double? = 1) {
        self.directory = directory
        self.scenarioPath = scenarioPath
        self.sourcesPath = sourcesPath
        self.validationScale = validationScale
    }
}
