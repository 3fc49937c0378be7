extension RandomAccessCollection {
    /// The first index whose element satisfies `isAfter`, in a collection where every element that
    /// does not satisfy it comes first (spans in text order: "the first sentence starting at or after
    /// x"). Binary search, so per-quote or per-mention lookups stay O(log n) on huge documents.
    func partitioningIndex(where isAfter: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(low, offsetBy: half)
            if isAfter(self[mid]) {
                count = half
            } else {
                low = index(after: mid)
                count -= half + 1
            }
        }
        return low
    }
}
