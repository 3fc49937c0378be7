/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011):
/// a stack, a buffer (the words from `next` to `count`), and the arcs built so far.
///
/// The root (word 0) starts on the stack. To give every sentence exactly one root, the root may
/// take a dependent only as the very last transition (buffer empty, one word left on the stack).
struct ParserState {
    enum Transition: Int, CaseIterable {
        /// Move the buffer's first word onto the stack.
        case shift = 0
        /// The buffer's first word becomes the head of the stack top, which is popped.
        case left = 1
        /// The word below the stack top becomes its head; the top is popped.
        case right = 2
    }

    /// Number of words (without the root).
    let count: Int
    /// Index of the "no word" slot in the padded word list.
    let none: Int
    private(set) var stack: [Int]
    /// The buffer's first word; the buffer is empty when `next > count`.
    private(set) var next: Int
    /// Per word (index 0…count + 1): head, label index, -1 while unattached.
    private(set) var heads: [Int]
    private(set) var labels: [Int]
    /// Nearest-to-outermost children: in arc-hybrid a word's left dependents are attached from the
    /// nearest outwards and its right dependents left to right, so each new one is the outermost.
    private(set) var leftmost: [Int]
    private(set) var leftmost2: [Int]
    private(set) var rightmost: [Int]
    private(set) var rightmost2: [Int]
    private(set) var leftCount: [Int]
    private(set) var rightCount: [Int]
    /// Bit sets of the labels of a word's left and right dependents (label indices < 64).
    private(set) var leftLabels: [UInt64]
    private(set) var rightLabels: [UInt64]

    init(count: Int) {
        self.count = count
        none = count + 1
        stack = [0]
        stack.reserveCapacity(count + 1)
        next = 1
        heads = [Int](repeating: -1, count: count + 2)
        labels = heads
        leftmost = [Int](repeating: count + 1, count: count + 2)
        leftmost2 = leftmost
        rightmost = leftmost
        rightmost2 = leftmost
        leftCount = [Int](repeating: 0, count: count + 2)
        rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: count + 2)
        rightLabels = leftLabels
    }

    var isTerminal: Bool { next > count && stack.count == 1 }

    /// Stack positions from the top (0 = top); `none` past the bottom.
    @inline(__always)
    func stack(_ k: Int) -> Int { k < stack.count ? stack[stack.count - 1 - k] : none }

    /// Buffer positions (0 = first); `none` past the end.
    @inline(__always)
    func buffer(_ k: Int) -> Int { next + k <= count ? next + k : none }

    func isLegal(_ t: Transition) -> Bool {
        switch t {
        case .shift: return next <= count
        case .left: return next <= count && stack.count >= 2
        case .right:
            guard stack.count >= 2 else { return false }
            return stack[stack.count - 2] != 0 || (next > count && stack.count == 2)
        }
    }

    /// The word that `t` would attach and its new head (nil for shift).
    func arc(_ t: Transition) -> (head: Int, dependent: Int)? {
        switch t {
        case .shift: return nil
        case .left: return (next, stack[stack.count - 1])
        case .right: return (stack[stack.count - 2], stack[stack.count - 1])
        }
    }

    mutating func apply(_ t: Transition, label: Int) {
        switch t {
        case .shift:
            stack.append(next)
            next += 1
        case .left:
            attach(head: next, dependent: stack.removeLast(), label: label)
        case .right:
            let dependent = stack.removeLast()
            attach(head: stack[stack.count - 1], dependent: dependent, label: label)
        }
    }

    private mutating func attach(head h: Int, dependent d: Int, label: Int) {
        heads[d] = h
        labels[d] = label
        let bit: UInt64 = label >= 0 && label < 64 ? 1 << UInt64(label) : 0
        if d < h {
            leftmost2[h] = leftmost[h]
            leftmost[h] = d
            leftCount[h] += 1
            leftLabels[h] |= bit
        } else {
            rightmost2[h] = rightmost[h]
            rightmost[h] = d
            rightCount[h] += 1
            rightLabels[h] |= bit
        }
    }

    /// Gold arcs that `t` makes unreachable (Goldberg & Nivre 2013's arc-hybrid dynamic oracle);
    /// `gold[d]` is the gold head of word d (0 for the root). Stack words never have heads yet.
    func cost(_ t: Transition, gold: [Int]) -> Int {
        switch t {
        case .shift:
            // The buffer word loses its dependents on the stack, and heads on the stack below the top.
            let b = next
            var cost = 0
            for (k, s) in stack.enumerated() {
                if gold[s] == b { cost += 1 }
                if gold[b] == s && k < stack.count - 1 { cost += 1 }
            }
            return cost
        case .left, .right:
            let s0 = stack[stack.count - 1]
            var cost = 0
            if next <= count { for b in next...count where gold[b] == s0 { cost += 1 } }
            let h = gold[s0]
            if t == .left {
                if h != next && ((stack.count >= 2 && h == stack[stack.count - 2]) || (h > next && h <= count)) { cost += 1 }
            } else if h >= next && h <= count {
                cost += 1
            }
            return cost
        }
    }

    /// Whether the gold tree can be built by these transitions (no crossing arcs).
    static func isProjective(_ gold: [Int]) -> Bool {
        // gold is 1-based with gold[0] unused; arcs (h, d) over words 1…n.
        let n = gold.count - 1
        for d in 1...max(n, 1) where d <= n {
            let h = gold[d]
            let (lo, hi) = (min(h, d), max(h, d))
            guard hi - lo > 1 else { continue }
            for k in (lo + 1)..<hi {
                // Every word strictly between must descend from h.
                var a = k
                var steps = 0
                while a != h && a != 0 && steps <= n {
                    a = gold[a]
                    steps += 1
                }
                if a != h { return false }
            }
        }
        return true
    }
}
