import Testing
@testable import LedeCore

@Suite struct ShingleIndexTests {
    @Test func keepsEachShinglesFirstParagraph_throughGrowth() {
        var rng = SeededGenerator(seed: 11)
        let shingles = (0..<20_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) } + [0]
        var index = ShingleIndex()
        for (k, shingle) in shingles.enumerated() {
            #expect(index.first(shingle) == nil)
            let recorded = index.recordFirst(shingle, paragraph: k)
            #expect(recorded)
        }
        for (k, shingle) in shingles.enumerated() {
            let recorded = index.recordFirst(shingle, paragraph: k + 1)
            #expect(!recorded, "a later paragraph never replaces the first")
            #expect(index.first(shingle) == k)
        }
    }
}
