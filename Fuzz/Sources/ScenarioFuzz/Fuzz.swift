import ScenarioSpec
import RunOutput

/// One fuzz input: any bytes, loaded as a scenario file, then its memory estimate and output
/// name worked out. Refusing the input with a `ScenarioError` is the expected outcome; a crash, a leak, a hang or a multi-line error is
/// a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let scenario = try ScenarioLoader.parse(bytes: bytes, file: "fuzz.yaml")
        _ = scenario.workEstimate
        // The refusals of a large run are one located line too, and a name is always a safe file name.
        if let (field, message) = scenario.memoryEstimate(concurrent: 2).refusal {
            let line = ScenarioLoader.error(file: "fuzz.yaml", yaml: String(decoding: bytes, as: UTF8.self), field: field, message: message).description
            if line.contains("\n") || !line.hasPrefix("fuzz.yaml:") { fatalError("malformed refusal: \(line)") }
        }
        if !OutputName.isSafe(OutputName.safe(scenario.name)) { fatalError("unsafe output name for \(scenario.name)") }
        _ = scenario.layout
    } catch {
        let line = error.description
        if line.contains("\n") || !line.hasPrefix("fuzz.yaml:") { fatalError("malformed error line: \(line)") }
    }
    return 0
}
