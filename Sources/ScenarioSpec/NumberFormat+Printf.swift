import CNumberText

extension NumberFormat {
    /// `x` through the C library's `printf` conversion `spec` (one conversion of a double,
    /// such as `%.6g` or `%.3f`): the same text `String(format:)` gives, since Foundation hands
    /// floating-point conversions to the C library too, but without building a CFString, which
    /// made Foundation's path a few per cent of a whole run's time when the CSV files are written
    /// (and without `withVaList`, whose argument list costs a dynamic cast per number).
    /// The process never sets a locale, so the decimal point is always a full stop.
    static func printf(_ spec: String, _ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer -> String in
            let base = buffer.baseAddress.unsafelyUnwrapped
            let written = smsim_format_double(base, buffer.count, spec, x)
            // `%f` of a huge number does not fit; the C library then says how long it would be.
            guard written >= 0 && Int(written) < buffer.count else {
                var long = [CChar](repeating: 0, count: Int(max(written, 0)) + 1)
                _ = smsim_format_double(&long, long.count, spec, x)
                return long.withUnsafeBufferPointer { String(cString: $0.baseAddress.unsafelyUnwrapped) }
            }
            return String(cString: base)
        }
    }
}
