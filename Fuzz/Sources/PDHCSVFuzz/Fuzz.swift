import ScenarioSpec
import CounterCalibration

/// One input to the counter-log readers: the bytes as a PDH-CSV log (with a decimal comma
/// when the first byte is odd), joined into windows when it reads, and as a work-items
/// export. Anything may be refused, but only with one `fuzz.csv:LINE:COL: error: …` line.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCounterLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    func check(_ error: any Error) {
        let line = "\(error)"
        if line.contains("\n") || !line.hasPrefix("fuzz.csv:") { fatalError("malformed error line: \(line)") }
    }
    do {
        let log = try PDHCSVLog.parse(text: text, path: "fuzz.csv", decimalComma: size > 0 && bytes[0] % 2 == 1)
        let windows = try CounterWindows.join([log], length: 600)
        _ = windows.hosts
    } catch {
        check(error)
    }
    do {
        let items = try WorkItemsLog.parse(text: text, path: "fuzz.csv")
        _ = items.longestInterval
    } catch {
        check(error)
    }
    return 0
}
