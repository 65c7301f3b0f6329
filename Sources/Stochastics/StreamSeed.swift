/// Derives the seed of one random stream from (scenario seed, replication, stream name).
///
/// The mixing function is fixed and documented so a seed means the same numbers on every
/// machine and every run (Swift's `Hasher` is randomised per process and is never used):
///
///     h    = FNV-1a-64(UTF-8 bytes of name)
///     x    = splitmix64(seed)
///     x    = splitmix64(x ^ replication)
///     x    = splitmix64(x ^ h)
///     seed = UInt32(x >> 32) ^ UInt32(x & 0xffff_ffff)     // GSL's mt19937 takes 32 bits
///
/// Each stream's draws depend only on its own name, so adding a stream leaves every other
/// stream's numbers unchanged: the basis of common random numbers between configurations.
public enum StreamSeed {
    /// The 32-bit GSL seed for a stream.
    public static func derive(seed: UInt64, replication: Int, stream name: String) -> UInt32 {
        var x = splitmix64(seed)
        x = splitmix64(x ^ UInt64(truncatingIfNeeded: replication))
        x = splitmix64(x ^ fnv1a64(name))
        return UInt32(truncatingIfNeeded: x >> 32) ^ UInt32(truncatingIfNeeded: x)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The SplitMix64 finaliser (Steele, Lea and Flood, 2014).
    public static func splitmix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension StreamSeed {
    /// The seed of member `index` of a numbered family of streams (one per session, say):
    /// `derive(seed, replication, name)` mixed once more with the index through splitmix64.
    /// No string is built, so it is cheap enough to call per session.
    public static func derive(seed: UInt64, replication: Int, stream name: String, index: Int) -> UInt32 {
        var x = splitmix64(seed)
        x = splitmix64(x ^ UInt64(truncatingIfNeeded: replication))
        x = splitmix64(x ^ fnv1a64(name))
        x = splitmix64(x ^ UInt64(truncatingIfNeeded: index))
        return UInt32(truncatingIfNeeded: x >> 32) ^ UInt32(truncatingIfNeeded: x)
    }
}
