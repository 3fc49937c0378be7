/// Day arithmetic, weekdays, ISO weeks and quarters for `CalendarDate`: what the time stage needs to
/// resolve "Saturday", "last week" or "two days ago" against the publication date.
extension CalendarDate {
    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (`civil_from_days`); nil outside years 1…9999.
    init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) ?? self }

    /// Same day `months` later, clamped to the month's last day.
    func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y))) ?? self
    }

    /// ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1) ?? thursday
        return (thursday.year, (thursday.dayNumber - january1.dayNumber) / 7 + 1)
    }

    /// `2025-W25`: the ISO week containing this day.
    var isoWeekString: String {
        let w = isoWeek
        return "\(Self.pad(w.year, 4))-W\(Self.pad(w.week, 2))"
    }

    var quarter: Int { (month - 1) / 3 + 1 }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
