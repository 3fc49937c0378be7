/// A character encoding LedeFetch can decode, named by its WHATWG Encoding Standard name.
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// The canonical name (`UTF-8`, `windows-1252`, `Shift_JIS`, `EUC-JP`, `GBK`, `KOI8-R`, …).
    public let name: String
    /// The glibc iconv name used to decode it; `nil` for the encodings decoded in Swift (UTF-8, UTF-16, windows-1252).
    let iconvName: String?

    public var description: String { name }

    public static let utf8 = Charset(name: "UTF-8", iconvName: nil)
    public static let utf16LE = Charset(name: "UTF-16LE", iconvName: "UTF-16LE")
    public static let utf16BE = Charset(name: "UTF-16BE", iconvName: "UTF-16BE")
    /// Also what `iso-8859-1`, `latin1` and `us-ascii` labels mean (WHATWG): a superset that never fails.
    public static let windows1252 = Charset(name: "windows-1252", iconvName: nil)
    public static let shiftJIS = Charset(name: "Shift_JIS", iconvName: "CP932")
    public static let eucJP = Charset(name: "EUC-JP", iconvName: "EUC-JP")
    public static let gbk = Charset(name: "GBK", iconvName: "GB18030")
    public static let gb18030 = Charset(name: "gb18030", iconvName: "GB18030")
    public static let big5 = Charset(name: "Big5", iconvName: "BIG5-HKSCS")
    public static let eucKR = Charset(name: "EUC-KR", iconvName: "CP949")

    /// The encoding a `charset` label denotes (WHATWG label table, case- and whitespace-insensitive);
    /// `nil` for labels it does not know.
    public init?(label: String) {
        let key = label.trimmingCharacters(in: " \t\r\n\"'").lowercased()
        if let known = Charset.labels[key] {
            self = known
            return
        }
        // windows-125x / cp125x, iso-8859-x / iso8859-x / iso_8859-x, koi8-*
        if let match = Charset.numbered(key) {
            self = match
            return
        }
        return nil
    }

    init(name: String, iconvName: String?) {
        self.name = name
        self.iconvName = iconvName
    }

    var isUTF8: Bool { self == .utf8 }

    private static let labels: [String: Charset] = {
        var table: [String: Charset] = [:]
        func add(_ charset: Charset, _ labels: String...) { for label in labels { table[label] = charset } }
        add(.utf8, "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8")
        add(.utf16LE, "utf-16le", "utf-16", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "unicodefeff")
        add(.utf16BE, "utf-16be", "unicodefffe")
        add(.windows1252, "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
            "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "us-ascii", "ascii",
            "ansi_x3.4-1968", "iso646-us", "cp367", "ibm367", "csascii")
        add(.shiftJIS, "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932")
        add(.eucJP, "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese")
        add(Charset(name: "ISO-2022-JP", iconvName: "ISO-2022-JP"), "iso-2022-jp", "csiso2022jp")
        add(.gbk, "gbk", "x-gbk", "gb2312", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "cp936", "ms936",
            "windows-936", "iso-ir-58", "csiso58gb231280", "euc-cn")
        add(.gb18030, "gb18030")
        add(.big5, "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5")
        add(.eucKR, "euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean",
            "windows-949", "cp949", "iso-ir-149", "csksc56011987")
        add(Charset(name: "KOI8-R", iconvName: "KOI8-R"), "koi8-r", "koi8", "koi", "koi8_r", "cskoi8r")
        add(Charset(name: "KOI8-U", iconvName: "KOI8-U"), "koi8-u", "koi8-ru")
        add(Charset(name: "macintosh", iconvName: "MACINTOSH"), "macintosh", "mac", "x-mac-roman", "csmacintosh")
        add(Charset(name: "IBM866", iconvName: "IBM866"), "ibm866", "cp866", "866", "csibm866")
        add(Charset(name: "windows-874", iconvName: "CP874"), "windows-874", "tis-620", "iso-8859-11", "dos-874")
        // WHATWG: latin5 labels mean windows-1254 (a superset).
        add(Charset(name: "windows-1254", iconvName: "CP1254"), "iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5")
        add(Charset(name: "ISO-8859-2", iconvName: "ISO-8859-2"), "latin2", "l2")
        add(Charset(name: "ISO-8859-4", iconvName: "ISO-8859-4"), "latin4", "l4")
        add(Charset(name: "ISO-8859-5", iconvName: "ISO-8859-5"), "cyrillic")
        add(Charset(name: "ISO-8859-7", iconvName: "ISO-8859-7"), "greek", "greek8")
        add(Charset(name: "ISO-8859-15", iconvName: "ISO-8859-15"), "latin9", "l9")
        return table
    }()

    private static func numbered(_ key: String) -> Charset? {
        for prefix in ["windows-", "cp", "x-cp"] where key.hasPrefix(prefix) {
            if let number = Int(key.dropFirst(prefix.count)), (1250...1258).contains(number) {
                return number == 1252 ? .windows1252 : Charset(name: "windows-\(number)", iconvName: "CP\(number)")
            }
        }
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_", "iso-8859_"] where key.hasPrefix(prefix) {
            let digits = key.dropFirst(prefix.count).prefix { $0.isNumber }
            if let number = Int(digits), [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16].contains(number) {
                return Charset(name: "ISO-8859-\(number)", iconvName: "ISO-8859-\(number)")
            }
        }
        return nil
    }
}
