import ScenarioSpec

/// One fuzz input: any bytes, loaded as a scenario file. Refusing the input with a
/// `ScenarioError` is the expected outcome; a crash, a leak, a hang or a multi-line error is
/// a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let scenario = try ScenarioLoader.parse(bytes: bytes, file: "fuzz.yaml")
        _ = scenario.workEstimate
        _ = scenario.layout
    } catch {
        let line = error.description
        if line.contains("\n") || !line.hasPrefix("fuzz.yaml:") { fatalError("malformed error line: \(line)") }
    }
    return 0
}
