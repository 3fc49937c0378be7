/// The individual patterns of `TimeGrammar`. Each takes the start token and returns a hit or nil.
extension TimeGrammar {
    /// "2025-06-23".
    func isoDate(_ i: Int) -> Hit? {
        let parts = word(i).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let day = CalendarDate(year: y, month: m, day: d) else { return nil }
        return Hit(start: i, end: i + 1, type: .date, value: day.description)
    }

    /// "6/23/2025", "6/23/98" (month first).
    func slashDate(_ i: Int) -> Hit? {
        let parts = word(i).split(separator: "/")
        guard parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), var y = Int(parts[2]),
              parts[2].count == 4 || parts[2].count == 2 else { return nil }
        if parts[2].count == 2 { y += y < 50 ? 2000 : 1900 }
        guard let day = CalendarDate(year: y, month: m, day: d) else { return nil }
        return Hit(start: i, end: i + 1, type: .date, value: day.description)
    }

    /// "June 13", "June 13, 2025", "January 2020", "in January", "last April", "mid - November".
    func monthDate(_ i: Int) -> Hit? {
        var start = i, prefix: String? = nil
        if ["last", "this", "next"].contains(word(i)) { prefix = word(i); start = i }
        let at = prefix == nil ? i : i + 1
        guard let (m, next) = month(at) else { return nil }
        if let d = dayNumber(next), word(next + 1) != ":" {
            if word(next + 1) == ",", let y = year(next + 2) {
                return Hit(start: start, end: next + 3, type: .date, value: "\(CalendarDate.pad(y, 4))-\(CalendarDate.pad(m, 2))-\(CalendarDate.pad(d, 2))")
            }
            if let y = year(next + 1) {
                return Hit(start: start, end: next + 2, type: .date, value: "\(CalendarDate.pad(y, 4))-\(CalendarDate.pad(m, 2))-\(CalendarDate.pad(d, 2))")
            }
            let y = inferredYear(month: m, day: d, at: i).map { CalendarDate.pad($0, 4) } ?? "XXXX"
            return Hit(start: start, end: next + 1, type: .date, value: "\(y)-\(CalendarDate.pad(m, 2))-\(CalendarDate.pad(d, 2))", relative: true)
        }
        if let y = year(next) ?? (word(next) == "," ? year(next + 1) : nil) {
            return Hit(start: start, end: word(next) == "," ? next + 2 : next + 1, type: .date, value: "\(CalendarDate.pad(y, 4))-\(CalendarDate.pad(m, 2))")
        }
        if word(next) == "of", let y = year(next + 1) {
            return Hit(start: start, end: next + 2, type: .date, value: "\(CalendarDate.pad(y, 4))-\(CalendarDate.pad(m, 2))")
        }
        // A bare month needs a preposition or modifier in front ("in January"): "May" and "March" are words too.
        guard prefix != nil || TimeLexicon.datePrepositions.contains(word(i - 1)) || word(i - 1) == "-" else { return nil }
        var y: String = "XXXX"
        if let p = published {
            switch prefix {
            case "last": y = CalendarDate.pad(m < p.month ? p.year : p.year - 1, 4)
            case "next": y = CalendarDate.pad(m > p.month ? p.year : p.year + 1, 4)
            default: y = CalendarDate.pad(inferredYear(month: m, day: 15, at: i) ?? p.year, 4)
            }
        }
        return Hit(start: start, end: next, type: .date, value: "\(y)-\(CalendarDate.pad(m, 2))", relative: true)
    }

    /// "13 June 2025", "13 June".
    func dayMonth(_ i: Int) -> Hit? {
        guard let d = dayNumber(i), let (m, next) = month(i + 1) else { return nil }
        if let y = year(next) {
            return Hit(start: i, end: next + 1, type: .date, value: "\(CalendarDate.pad(y, 4))-\(CalendarDate.pad(m, 2))-\(CalendarDate.pad(d, 2))")
        }
        let y = inferredYear(month: m, day: d, at: i).map { CalendarDate.pad($0, 4) } ?? "XXXX"
        return Hit(start: i, end: next, type: .date, value: "\(y)-\(CalendarDate.pad(m, 2))-\(CalendarDate.pad(d, 2))", relative: true)
    }

    /// "Monday", "last Friday", "next Thursday", "this coming Sunday", "Saturday night".
    func weekdayRule(_ i: Int) -> Hit? {
        var at = i
        var direction = 0  // -1 strictly before, +1 strictly after, 0 by tense
        switch word(i) {
        case "last", "past", "previous": direction = -1; at += 1
        case "next": direction = 1; at += 1
        case "this" where word(i + 1) == "coming": direction = 1; at += 2
        case "coming": direction = 1; at += 1
        case "this": at += 1
        default: break
        }
        guard let wd = TimeLexicon.weekdays[word(at)] else { return nil }
        if direction == 0 && isFuture(i) { direction = 1 }
        var value = "XXXX-WXX-\(wd)"
        if let p = published {
            var delta = (wd - p.weekday + 7) % 7  // days ahead, 0…6
            switch direction {
            case 1: if delta == 0 { delta = 7 }
            case -1: delta = delta == 0 ? -7 : delta - 7
            default: delta = delta == 0 ? 0 : delta - 7
            }
            value = p.adding(days: delta).description
        }
        var hit = Hit(start: i, end: at + 1, type: .date, value: value, relative: true)
        if let part = TimeLexicon.partsOfDay[word(at + 1)] {
            hit.end = at + 2; hit.type = .time; hit.value += "T" + part
        }
        return hit
    }

    /// "today", "yesterday", "tomorrow", "tonight", "last night", "this morning", "yesterday afternoon".
    func relativeDay(_ i: Int) -> Hit? {
        var offset: Int, end = i + 1, part: String? = nil
        switch word(i) {
        case "today": offset = 0
        case "yesterday": offset = -1
        case "tomorrow": offset = 1
        case "tonight": offset = 0; part = "NI"
        case "last" where word(i + 1) == "night": offset = -1; part = "NI"; end = i + 2
        case "this" where TimeLexicon.partsOfDay[word(i + 1)] != nil: offset = 0; part = TimeLexicon.partsOfDay[word(i + 1)]; end = i + 2
        default: return nil
        }
        if part == nil, let p = TimeLexicon.partsOfDay[word(end)] { part = p; end += 1 }
        var value = date(published?.adding(days: offset))
        if let part { value += "T" + part }
        return Hit(start: i, end: end, type: part == nil ? .date : .time, value: value, relative: true)
    }

    /// "this week", "last month", "next year", "the past year", "the weekend", "this summer", "the last decade".
    func relativeUnit(_ i: Int) -> Hit? {
        var at = i
        if word(at) == "the" { at += 1 }
        var shift: Int
        switch word(at) {
        case "this", "current": shift = 0
        case "last", "past", "previous": shift = -1
        case "next", "coming": shift = 1
        case "weekend" where at > i || word(i - 1) == "the": shift = 0; at -= 1
        default: return nil
        }
        let unit = word(at + 1)
        guard let p = published ?? CalendarDate(year: 2000, month: 1, day: 1) else { return nil }
        var value: String
        switch unit {
        case "week": value = p.adding(days: 7 * shift).isoWeekString
        case "weekend":
            if shift == 0 && word(at) != "this" { shift = p.weekday >= 6 ? 0 : -1 }
            value = p.adding(days: 7 * shift).isoWeekString + "-WE"
        case "month": let d = p.adding(months: shift); value = "\(CalendarDate.pad(d.year, 4))-\(CalendarDate.pad(d.month, 2))"
        case "year": value = CalendarDate.pad(p.year + shift, 4)
        case "quarter":
            let q = p.year * 4 + p.quarter - 1 + shift
            value = "\(CalendarDate.pad(q / 4, 4))-Q\(q % 4 + 1)"
        case "decade": value = String(CalendarDate.pad(p.year + 10 * shift, 4).prefix(3))
        case "century": value = String(CalendarDate.pad(p.year + 100 * shift, 4).prefix(2))
        default:
            guard let season = TimeLexicon.seasons[unit] else { return nil }
            value = "\(CalendarDate.pad(p.year + shift, 4))-\(season)"
        }
        if published == nil {
            value = ["week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX",
                     "decade": "XXX", "century": "XX"][unit] ?? "XXXX-\(TimeLexicon.seasons[unit] ?? "XX")"
        }
        return Hit(start: i, end: at + 2, type: .date, value: value, relative: true)
    }

    /// "the third quarter", "third - quarter", "the fiscal first quarter", "the latest quarter", "the quarter".
    func quarterRule(_ i: Int) -> Hit? {
        var at = i
        if word(at) == "the" { at += 1 }
        if word(at) == "fiscal" { at += 1 }
        var q: Int? = nil, latest = false
        if let n = TimeLexicon.ordinals[word(at)] {
            q = n; at += 1
            if word(at) == "-" { at += 1 }
        } else if ["latest", "recent", "most"].contains(word(at)) {
            latest = true; at += word(at) == "most" ? 2 : 1
        } else if word(i) == "the" && word(at) == "quarter" {
            latest = true
        }
        guard word(at) == "quarter", q != nil || latest else { return nil }
        if word(at + 1) == "of", let y = year(at + 2), let q {
            return Hit(start: i, end: at + 3, type: .date, value: "\(CalendarDate.pad(y, 4))-Q\(q)")
        }
        guard let p = published else { return Hit(start: i, end: at + 1, type: .date, value: "XXXX-Q\(q.map(String.init) ?? "X")", relative: true) }
        var year = p.year
        if let n = q {
            if n > p.quarter && !isFuture(i) { year -= 1 }
            q = n
        } else {
            let previous = p.year * 4 + p.quarter - 2
            year = previous / 4; q = previous % 4 + 1
        }
        return Hit(start: i, end: at + 1, type: .date, value: "\(CalendarDate.pad(year, 4))-Q\(q ?? 1)", relative: true)
    }

    /// "in 2015", "fiscal 1989", "2025", "the 1990s".
    func yearRule(_ i: Int) -> Hit? {
        var at = i
        if word(at) == "the" || word(at) == "fiscal" { at += 1 }
        let s = word(at)
        if s.count == 5, s.hasSuffix("0s"), let n = Int(s.dropLast()), (1000...2190).contains(n) {
            return Hit(start: i, end: at + 1, type: .date, value: String(s.prefix(3)))
        }
        guard let y = year(at) else { return nil }
        if at == i, word(i - 1) == "the" { return nil }
        let before = word(i - 1), after = word(at + 1)
        let ok = at > i || TimeLexicon.datePrepositions.contains(before) || (y >= 1900 && y <= 2100
            && (after.isEmpty || after.first.map { !$0.isLetter } == true || ["and", "or", "to"].contains(after)))
        guard ok, !(at > i && word(i) == "the") else { return nil }
        return Hit(start: i, end: at + 1, type: .date, value: CalendarDate.pad(y, 4))
    }

    /// "two days ago", "a year ago", "a year earlier" (TimeBank dates these).
    func ago(_ i: Int) -> Hit? {
        guard let (n, next) = number(i), let unit = TimeLexicon.units[word(next)] else { return nil }
        let signal = word(next + 1)
        guard signal == "ago" || ((signal == "earlier" || signal == "before") && unit.letter == "Y" && n == 1) else { return nil }
        guard let p = published else { return Hit(start: i, end: next + 2, type: .date, value: "XXXX-XX-XX", relative: true) }
        guard let n else { return Hit(start: i, end: next + 2, type: .date, value: "PAST_REF") }
        let value: String
        switch unit.letter {
        case "D" where !unit.clock: value = p.adding(days: -n).description
        case "W": value = p.adding(days: -7 * n).isoWeekString
        case "M" where !unit.clock:
            let d = p.adding(months: -n); value = "\(CalendarDate.pad(d.year, 4))-\(CalendarDate.pad(d.month, 2))"
        case "Y":
            let y = p.year - n * unit.factor
            if w.contains("quarter") {
                let previous = p.year * 4 + p.quarter - 2
                value = "\(CalendarDate.pad(y, 4))-Q\(previous % 4 + 1)"
            } else {
                value = CalendarDate.pad(y, 4)
            }
        default: value = p.description
        }
        return Hit(start: i, end: next + 2, type: .date, value: value, relative: true)
    }

    /// "three years", "15 minutes", "two - year", "the first nine months", "the past two months", "nearly forty years", "decades".
    func duration(_ i: Int) -> Hit? {
        var at = i, mod: TimeExpression.Mod? = nil
        if word(at) == "the" { at += 1 }
        if ["first", "past", "last", "next", "previous", "coming", "latest", "full", "entire"].contains(word(at)) { at += 1 }
        if word(at) == "more" || word(at) == "less", word(at + 1) == "than" {
            mod = word(at) == "more" ? .moreThan : .lessThan; at += 2
        } else if word(at) == "at", word(at + 1) == "least" {
            mod = .equalOrMore; at += 2
        } else if let m = TimeLexicon.quantityMods[word(at)], word(at) != "some" || at == i {
            mod = m; at += 1
        }
        if let (n, next) = number(at) {
            var u = next
            if word(u) == "-" { u += 1 }
            guard let value = unitDuration(n, word(u)) else { return nil }
            if word(u + 1) == "-" && word(u + 2) == "old" || word(u + 1) == "old" { return nil }
            // "a year" alone is a rate after "times" ("twice a year") and too vague otherwise.
            if (word(at) == "a" || word(at) == "an") && at == i && !TimeLexicon.vague.contains(word(at + 1)) {
                if ["once", "twice", "times"].contains(word(i - 1)) {
                    return Hit(start: i, end: u + 1, type: .set, value: value)
                }
                if word(u + 1) == "ago" { return nil }
            }
            return Hit(start: i, end: u + 1, type: .duration, value: value, mod: mod)
        }
        // "for years", "decades".
        let unit = word(at)
        guard at == i, unit.hasSuffix("s"), ["years", "months", "weeks", "days", "decades", "hours"].contains(unit),
              ["for", "over", "in"].contains(word(i - 1)) || unit == "decades", let value = unitDuration(nil, unit) else { return nil }
        return Hit(start: i, end: i + 1, type: .duration, value: value)
    }

    /// "every week", "each Monday", "daily", "weekly".
    func setRule(_ i: Int) -> Hit? {
        if let value = TimeLexicon.setAdverbs[word(i)] { return Hit(start: i, end: i + 1, type: .set, value: value) }
        guard word(i) == "every" || word(i) == "each" else { return nil }
        if let wd = TimeLexicon.weekdays[word(i + 1)] { return Hit(start: i, end: i + 2, type: .set, value: "XXXX-WXX-\(wd)") }
        if let (n, next) = number(i + 1), n != nil, let value = unitDuration(n, word(next)) {
            return Hit(start: i, end: next + 1, type: .set, value: value)
        }
        guard let value = unitDuration(1, word(i + 1)) else { return nil }
        return Hit(start: i, end: i + 2, type: .set, value: value)
    }

    /// "now", "currently", "recently", "the future", "soon", "the past", "recent years".
    func reference(_ i: Int) -> Hit? {
        switch word(i) {
        case "now", "currently", "nowadays", "presently": return Hit(start: i, end: i + 1, type: .date, value: "PRESENT_REF")
        case "recently", "lately": return Hit(start: i, end: i + 1, type: .date, value: "PAST_REF")
        case "soon": return Hit(start: i, end: i + 1, type: .date, value: "FUTURE_REF")
        case "recent" where ["years", "months", "weeks", "days", "decades"].contains(word(i + 1)):
            return Hit(start: i, end: i + 2, type: .date, value: "PAST_REF")
        case "the" where word(i + 1) == "future": return Hit(start: i, end: i + 2, type: .date, value: "FUTURE_REF")
        case "the" where word(i + 1) == "past" && !["year", "week", "month", "decade"].contains(word(i + 2)):
            return Hit(start: i, end: i + 2, type: .date, value: "PAST_REF")
        case "at" where word(i + 1) == "present": return Hit(start: i + 1, end: i + 2, type: .date, value: "PRESENT_REF")
        default: return nil
        }
    }

    /// "10:30 a.m.", "3 p.m. EST", "noon", "midnight", "10 p.m. Wednesday".
    func clock(_ i: Int) -> Hit? {
        var hour: Int, minute = 0, at: Int
        let s = word(i)
        if s == "noon" || s == "midday" { hour = 12; at = i + 1 }
        else if s == "midnight" { hour = 24; at = i + 1 }
        else {
            var digits = s
            var meridiem: String? = nil
            for suffix in ["a.m.", "p.m.", "am", "pm"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
                meridiem = String(suffix.prefix(1)); digits.removeLast(suffix.count); break
            }
            let parts = digits.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let h = Int(parts[0]), parts[0].count <= 2, h <= 24 else { return nil }
            hour = h; at = i + 1
            if parts.count == 2 {
                guard parts[1].count == 2, let m = Int(parts[1]), m < 60 else { return nil }
                minute = m
            }
            if meridiem == nil, ["a.m.", "a.m", "am", "p.m.", "p.m", "pm"].contains(word(at)) {
                meridiem = String(word(at).prefix(1)); at += 1
                if word(at) == "." && word(at - 1).count == 3 { at += 1 }
            }
            guard meridiem != nil || parts.count == 2 else { return nil }
            guard hour <= 12 || meridiem == nil else { return nil }
            if meridiem == "p" && hour < 12 { hour += 12 }
            if meridiem == "a" && hour == 12 { hour = 0 }
        }
        if ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet"].contains(word(at)) { at += 1 }
        var day = published?.description ?? "XXXX-XX-XX"
        var relative = true
        var comma = at
        if word(comma) == "," || word(comma) == "on" { comma += 1 }
        if let d = weekdayRule(comma) ?? monthDate(comma) ?? relativeDay(comma), d.type == .date, d.start == comma {
            day = d.value; relative = d.relative; at = d.end
        }
        let value = "\(day)T\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))"
        return Hit(start: i, end: at, type: .time, value: value, relative: relative)
    }

    /// "late last year", "early next year", "mid - November", "the end of 1990", "earlier this year".
    func modified(_ i: Int) -> Hit? {
        var at = i + 1
        let mod: TimeExpression.Mod?
        switch word(i) {
        case "early": mod = .early
        case "late": mod = .late
        case "mid": mod = .mid; if word(at) == "-" { at += 1 }
        case "earlier", "later": mod = nil
        case "the", "end", "beginning", "start", "middle":
            var j = word(i) == "the" ? i + 1 : i
            let kind = word(j)
            guard ["end", "beginning", "start", "middle"].contains(kind), word(j + 1) == "of" else { return nil }
            j += 2
            at = j
            mod = kind == "end" ? .end : kind == "middle" ? .mid : .start
        default: return nil
        }
        guard at < w.count, var inner = best(at: at), inner.start == at, inner.type == .date || inner.type == .time,
              !inner.value.hasPrefix("P") else { return nil }
        if mod == nil, !["this", "last", "next"].contains(word(at)) { return nil }
        inner.start = i
        inner.mod = mod
        return inner
    }
}
