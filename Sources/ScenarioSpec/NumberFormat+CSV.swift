extension NumberFormat {
    /// The bytes of `NumberFormat.csv(x)` appended to `out`, without a String for the number:
    /// the time-series writers append tens of thousands of them.
    public static func appendCSV(_ x: Double, to out: inout [UInt8]) {
        guard x.isFinite else { return }
        if x == x.rounded() && abs(x) < 1e15 {
            out.append(contentsOf: String(Int64(x)).utf8)
            return
        }
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxSixSignificant) { buffer -> Bool in
            guard let count = sixSignificant(x, into: buffer) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
            return true
        }
        if !written { out.append(contentsOf: printf("%.6g", x).utf8) }
    }

    /// `%.6g` of a finite, non-zero `x` (the CSV format of a number that is not whole), worked
    /// out with integer arithmetic on its exact binary value instead of by the C library's
    /// `printf`, which cost several times as much and was most of the time spent writing the
    /// time series. Nil for an exact tie between two six-digit values (which `printf` breaks
    /// by its rounding mode) and for magnitudes outside 1e-5 ..< 1e15; `printf` decides those.
    static func sixSignificant(_ x: Double) -> String? {
        var answered = true
        let text = String(unsafeUninitializedCapacity: maxSixSignificant) { out in
            let count = sixSignificant(x, into: out)
            answered = count != nil
            return count ?? 0
        }
        return answered ? text : nil
    }

    /// The longest text `sixSignificant` writes: `-1.23456e+14`.
    static let maxSixSignificant = 16

    private static let powersOfTen: [UInt64] = (0...10).map { (0..<$0).reduce(1) { p, _ in p * 10 } }

    /// The six significant digits of `a` (1e-5 ≤ a < 1e15), rounded to nearest, as an integer
    /// from 100000 to 999999, and the power of ten of the first; nil for an exact tie.
    private static func roundedToSix(_ a: Double) -> (digits: UInt64, exponent: Int)? {
        // a = m × 2^-k exactly, with k ≥ 3 below 1e15.
        let m = a.significandBitPattern | (1 << 52)
        let k = 52 - a.exponent
        var exponent = Int((Double(a.exponent) * 0.301_029_995_663_981_2).rounded(.down))
        while true {
            guard exponent >= -5, exponent <= 14 else { return nil }
            // n = a × 10^(5 − exponent), as a quotient and how its remainder compares with a half.
            let n: UInt64
            let remainder: Remainder
            if exponent <= 5 {
                let (high, low) = m.multipliedFullWidth(by: powersOfTen[5 - exponent])
                if k >= 64 {
                    let shift = k - 64
                    n = shift == 0 ? high : high >> shift
                    let rest = shift == 0 ? 0 : high & ((1 << shift) - 1)
                    let half: (UInt64, UInt64) = shift == 0 ? (0, 1 << 63) : (1 << (shift - 1), 0)
                    remainder = compare((rest, low), half)
                } else {
                    n = (high << (64 - k)) | (low >> k)
                    remainder = compare((0, low & ((1 << k) - 1)), (0, 1 << (k - 1)))
                }
            } else {
                let divisor = powersOfTen[exponent - 5] << k
                n = m / divisor
                remainder = compare((0, 2 * (m % divisor)), (0, divisor))
            }
            if n < 100_000 { exponent -= 1; continue }
            if n >= 1_000_000 { exponent += 1; continue }
            switch remainder {
            case .belowHalf: return (n, exponent)
            case .half: return nil
            case .aboveHalf: return n == 999_999 ? (100_000, exponent + 1) : (n + 1, exponent)
            }
        }
    }

    /// A remainder against half the divisor, both as (high, low) 64-bit halves of a 128-bit number.
    private enum Remainder { case belowHalf, half, aboveHalf }

    private static func compare(_ a: (UInt64, UInt64), _ b: (UInt64, UInt64)) -> Remainder {
        if a == b { return .half }
        return a.0 < b.0 || (a.0 == b.0 && a.1 < b.1) ? .belowHalf : .aboveHalf
    }

    /// `sixSignificant(x)` written into `out` (at least `maxSixSignificant` bytes): its length, or nil.
    static func sixSignificant(_ x: Double, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let a = x.magnitude
        guard a >= 1e-5, a < 1e15, let (value, exponent) = roundedToSix(a) else { return nil }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { digits -> Int in
            var rest = value
            for k in (0..<6).reversed() { digits[k] = UInt8(rest % 10); rest /= 10 }
            var last = 5
            while digits[last] == 0 { last -= 1 }
            var n = 0
            func put(_ byte: UInt8) { out[n] = byte; n += 1 }
            func digit(_ k: Int) { put(digits[k] &+ UInt8(ascii: "0")) }
            if x < 0 { put(UInt8(ascii: "-")) }
            if exponent < -4 || exponent >= 6 {
                digit(0)
                if last > 0 { put(UInt8(ascii: ".")); for k in 1...last { digit(k) } }
                put(UInt8(ascii: "e"))
                put(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                put(UInt8(abs(exponent) / 10) &+ UInt8(ascii: "0"))
                put(UInt8(abs(exponent) % 10) &+ UInt8(ascii: "0"))
            } else if exponent >= 0 {
                for k in 0...exponent { digit(k) }
                if last > exponent { put(UInt8(ascii: ".")); for k in (exponent + 1)...last { digit(k) } }
            } else {
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "."))
                for _ in 0..<(-exponent - 1) { put(UInt8(ascii: "0")) }
                for k in 0...last { digit(k) }
            }
            return n
        }
    }
}
