/// Where each word-trigram shingle first occurred: an open-addressing map from shingle hash to
/// paragraph index that doubles as it fills. `Dictionary` hashed every key, already a well-mixed
/// 64-bit hash, once more with SipHash; on the 5 MB benchmark input its lookups were a third of
/// the cleaner's time.
struct ShingleIndex {
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var paragraphs = [Int32](repeating: 0, count: 1024)
    private var count = 0

    /// The paragraph where `shingle` first occurred, if it has.
    func first(_ shingle: UInt64) -> Int? {
        let key = FeatureTable.nonZero(shingle)
        let mask = keys.count - 1
        var i = FingerprintTable.home(key, mask)
        while true {
            let k = keys[i]
            if k == key { return Int(paragraphs[i]) }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Records that `shingle` first occurred in `paragraph`; false, changing nothing, when it
    /// already had a first paragraph.
    mutating func recordFirst(_ shingle: UInt64, paragraph: Int) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        let key = FeatureTable.nonZero(shingle)
        let mask = keys.count - 1
        var i = FingerprintTable.home(key, mask)
        while keys[i] != 0 {
            if keys[i] == key { return false }
            i = (i + 1) & mask
        }
        keys[i] = key
        paragraphs[i] = Int32(paragraph)
        count += 1
        return true
    }

    private mutating func grow() {
        let (oldKeys, oldParagraphs) = (keys, paragraphs)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        paragraphs = [Int32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, paragraph) in zip(oldKeys, oldParagraphs) where key != 0 {
            var i = FingerprintTable.home(key, mask)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            paragraphs[i] = paragraph
        }
    }
}
