/// Word lists the time grammar reads: month and weekday names, number words, units.
/// Every key is a lower-cased token norm.
enum TimeLexicon {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0,
    ]

    /// Quantities with no exact number: "several years" → PXY.
    static let vague: Set<String> = ["several", "few", "many", "some", "couple"]

    static let ordinals: [String: Int] = [
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    ]

    /// Unit → (TIMEX3 letter, multiplier, is a time-of-day unit).
    static let units: [String: (letter: String, factor: Int, clock: Bool)] = [
        "second": ("S", 1, true), "seconds": ("S", 1, true), "minute": ("M", 1, true), "minutes": ("M", 1, true),
        "hour": ("H", 1, true), "hours": ("H", 1, true), "day": ("D", 1, false), "days": ("D", 1, false),
        "week": ("W", 1, false), "weeks": ("W", 1, false), "month": ("M", 1, false), "months": ("M", 1, false),
        "year": ("Y", 1, false), "years": ("Y", 1, false), "decade": ("Y", 10, false), "decades": ("Y", 10, false),
        "century": ("Y", 100, false), "centuries": ("Y", 100, false), "quarter": ("Q", 1, false), "quarters": ("Q", 1, false),
    ]

    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    ]

    static let partsOfDay: [String: String] = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    ]

    /// Duration modifiers that are part of the expression ("nearly forty years").
    static let quantityMods: [String: TimeExpression.Mod] = [
        "nearly": .lessThan, "almost": .lessThan, "about": .approx, "around": .approx, "roughly": .approx,
        "approximately": .approx, "some": .approx, "over": .moreThan,
    ]

    /// Words before a bare month name or year that make it a date ("in January", "since 2015").
    static let datePrepositions: Set<String> = [
        "in", "since", "of", "by", "until", "till", "through", "from", "to", "before", "after", "during", "on",
        "fiscal", "early", "late", "mid", "between", "and", "last", "this", "next", "around", "circa", "throughout",
    ]

    static let setAdverbs: [String: String] = [
        // Not "quarterly" or "annually": in business news they mostly qualify figures, and TimeBank leaves them out.
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
    ]

    /// Words that put a following weekday in the future ("will … on Thursday").
    static let futureCues: Set<String> = [
        "will", "'ll", "shall", "wo", "next", "coming", "upcoming", "scheduled", "expected", "due", "planned",
        "plans", "plan", "set", "until", "till",
    ]
}
