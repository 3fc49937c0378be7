import Testing
@testable import LedeCore

@Suite struct FeatureTableTests {
    @Test func builtFromFeatures_findsEachRow() {
        let features: [UInt64] = [7, 1, 99, 12_345_678_901]
        let table = FeatureTable(features)
        for (row, key) in features.enumerated() { #expect(table.row(key) == row) }
        #expect(table.row(8) == nil)
    }

    /// The cleaner's shingle index: the first paragraph of each shingle survives growth, and a
    /// later one never replaces it.
    @Test func inserting_keepsTheFirstRow_throughGrowth() {
        var rng = SeededGenerator(seed: 11)
        let keys = (0..<20_000).map { _ in FeatureTable.nonZero(UInt64.random(in: 0...UInt64.max, using: &rng)) }
        var table = FeatureTable()
        for (row, key) in keys.enumerated() {
            #expect(table.row(key) == nil)
            let added = table.insert(key, row: row)
            #expect(added)
        }
        for (row, key) in keys.enumerated() {
            let added = table.insert(key, row: row + 1)
            #expect(!added)
            #expect(table.row(key) == row)
        }
    }
}
