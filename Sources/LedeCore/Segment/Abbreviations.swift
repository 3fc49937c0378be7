/// Words that keep their period ("Gen.", "Jan.", "Calif.") so the tokenizer does not split it off.
/// Whether such a token also ends a sentence is the sentence splitter's decision: learned, except that a
/// title before a capitalised word never does (`SentenceSplitter.isTitleBeforeName`).
enum Abbreviations {
    /// Titles and ranks, which stand before a name ("Sen. John Doe") and so never end a sentence there.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl", "adm",
        "sen", "rep", "gov", "pres", "rev", "fr", "hon", "amb", "supt", "insp", "det", "atty",
        // plurals before two names ("Govs. Jeb Bush and Chris Christie"); not "reps", which also counts exercises
        "govs", "sens", "gens", "drs",
    ]

    static let known: Set<String> = titles.union([
        // name suffixes and places, which can end a sentence ("… Martin Luther King Jr.", "St." for Street)
        "jr", "sr", "st", "mt", "ft",
        // months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // organisations
        "inc", "corp", "co", "ltd", "bros", "plc", "assn", "dept", "univ", "govt",
        // Latin and reference
        "vs", "etc", "al", "approx", "est", "fig", "vol", "vols", "ed", "eds", "pp", "cf", "ca", "ibid", "viz",
        // US states as the AP writes them
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
        "vt", "wash", "wis", "wyo",
        // addresses and measures
        "ave", "blvd", "rd", "hwy", "no", "nos", "tel", "ext", "min", "max", "hr", "hrs", "sq", "oz", "lb", "lbs",
    ])

    /// "U.S", "J.R.R", "e.g", "p.m": letters joined by periods, each piece one or two letters.
    static func isDottedInitials<C: Collection>(_ core: C) -> Bool where C.Element == Unicode.Scalar {
        var letters = 0
        var sawPeriod = false
        for s in core {
            if s == "." {
                guard letters > 0, letters <= 2 else { return false }
                letters = 0
                sawPeriod = true
            } else if ScalarClass.isLetter(s) {
                letters += 1
            } else {
                return false
            }
        }
        return sawPeriod && letters <= 2
    }

    /// Whether `core` + "." should stay one token.
    static func keepsPeriod<C: Collection>(_ core: C) -> Bool where C.Element == Unicode.Scalar {
        guard let first = core.first, ScalarClass.isLetter(first) else { return false }
        if core.count == 1 { return ScalarClass.isUppercase(first) }  // an initial: "J."
        if isDottedInitials(core) { return true }
        guard core.count <= 6 else { return false }
        var lower = ""
        for s in core {
            guard ScalarClass.isLetter(s) else { return false }
            lower.unicodeScalars.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
        }
        return known.contains(lower)
    }
}
