/// A small, fast, seeded pseudo-random generator (SplitMix64), so that one seed always gives the same
/// archive on every machine and Swift version: the helpers below use only this generator's own
/// arithmetic, never the standard library's `random(in:)`, whose algorithm may change.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03 }

    /// A generator for one part of the archive, so adding records to one committee-year does not
    /// change the text of every other.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a, stable across runs unlike `Hasher`
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        self.init(seed: seed ^ hash)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// `count` different items of `items`, in a random order.
    mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
        var pool = items
        var chosen: [T] = []
        for _ in 0..<min(count, pool.count) {
            chosen.append(pool.remove(at: int(0...pool.count - 1)))
        }
        return chosen
    }

    /// Picks by weight: `[(value, weight)]`.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        var roll = int(1...choices.reduce(0) { $0 + $1.1 })
        for (value, weight) in choices {
            roll -= weight
            if roll <= 0 { return value }
        }
        return choices[choices.count - 1].0
    }
}
