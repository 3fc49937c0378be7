/// A day in the proleptic Gregorian calendar: the publication date relative times resolve against.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time. The date is the one written: an RFC 3339
    /// time carries its own offset, so its date part already is the local date there (and a
    /// time without an offset is read as UTC).
    public init?(parsing text: String) {
        let s = Array(text.utf8)
        guard s.count >= 10, let y = Self.number(s, 0, 4), s[4] == 0x2D, let m = Self.number(s, 5, 2), s[7] == 0x2D,
              let d = Self.number(s, 8, 2) else { return nil }
        if s.count > 10 {
            guard Self.isValidTimePart(Array(s[10...])) else { return nil }
        }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ s: [UInt8], _ from: Int, _ count: Int) -> Int? {
        var n = 0
        for i in from..<(from + count) {
            guard s[i] >= 0x30, s[i] <= 0x39 else { return nil }
            n = n * 10 + Int(s[i] - 0x30)
        }
        return n
    }

    /// `THH:MM[:SS[.frac]]` then `Z`, `±HH:MM` or nothing.
    private static func isValidTimePart(_ t: [UInt8]) -> Bool {
        guard t.count >= 6, t[0] == 0x54 || t[0] == 0x74 || t[0] == 0x20,
              let h = number(t, 1, 2), h < 24, t[3] == 0x3A, let mi = number(t, 4, 2), mi < 60 else { return false }
        var i = 6
        if i < t.count, t[i] == 0x3A {
            guard i + 2 < t.count, let sec = number(t, i + 1, 2), sec <= 60 else { return false }
            i += 3
            if i < t.count, t[i] == 0x2E {
                i += 1
                let start = i
                while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == t.count { return true }
        if t[i] == 0x5A || t[i] == 0x7A { return i + 1 == t.count }
        guard t[i] == 0x2B || t[i] == 0x2D, t.count == i + 6, let oh = number(t, i + 1, 2), oh < 24, t[i + 3] == 0x3A,
              let om = number(t, i + 4, 2), om < 60 else { return false }
        return true
    }
}
