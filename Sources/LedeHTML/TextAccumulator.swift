/// Collects text with runs of whitespace collapsed to one space, counting the non-space bytes inside links.
struct TextAccumulator {
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var pendingNewline = false
    private(set) var length = 0
    private(set) var linkLength = 0

    init() { buffer.reserveCapacity(256) }

    var isEmpty: Bool { buffer.isEmpty }

    mutating func space() { if !buffer.isEmpty { pendingSpace = true } }

    /// A `<br>`: the next text starts on a new line (runs of breaks give one newline; none at the start).
    mutating func lineBreak() { if !buffer.isEmpty { pendingNewline = true } }

    mutating func append(_ string: String, inLink: Bool) {
        for byte in string.utf8 {
            // ASCII whitespace and the UTF-8 no-break space (C2 A0) collapse to one space.
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if !buffer.isEmpty { pendingSpace = true }
                continue
            }
            if pendingNewline {
                buffer.append(0x0A)
                pendingNewline = false
                pendingSpace = false
            } else if pendingSpace {
                buffer.append(0x20)
                pendingSpace = false
            }
            buffer.append(byte)
            length += 1
            if inLink { linkLength += 1 }
        }
    }

    /// The text, its non-space length and link length; the accumulator is emptied.
    mutating func finish() -> (text: String, length: Int, linkLength: Int) {
        var bytes = buffer
        // Normalise U+00A0 (no-break space) to a space after collapsing.
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                if cleaned.last != 0x20 { cleaned.append(0x20) }
                index += 2
                continue
            }
            cleaned.append(bytes[index])
            index += 1
        }
        while cleaned.last == 0x20 { cleaned.removeLast() }
        while cleaned.first == 0x20 { cleaned.removeFirst() }
        bytes = cleaned
        let result = (String(decoding: bytes, as: UTF8.self), length, linkLength)
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
        pendingNewline = false
        length = 0
        linkLength = 0
        return result
    }
}
