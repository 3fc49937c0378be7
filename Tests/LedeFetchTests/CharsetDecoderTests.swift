import Testing
@testable import LedeFetch

struct CharsetDecoderTests {
    // "café — “quoted”" in windows-1252, "日本語ニュース" in Shift_JIS, and friends (bytes from iconv).
    static let cp1252: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x97, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94]
    static let shiftJIS: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x83, 0x6A, 0x83, 0x85, 0x81, 0x5B, 0x83, 0x58]
    static let eucJP: [UInt8] = [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC, 0xA4, 0xCE, 0xA5, 0xCB, 0xA5, 0xE5, 0xA1, 0xBC, 0xA5, 0xB9]
    static let gbk: [UInt8] = [0xD0, 0xC2, 0xCE, 0xC5, 0xB1, 0xA8, 0xB5, 0xC0]  // 新闻报道
    static let koi8r: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x20, 0xCD, 0xC9, 0xD2]  // Привет мир
    static let cp1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0]  // Привет мир

    static func page(_ body: [UInt8], meta: String? = nil) -> [UInt8] {
        let head = meta.map { "<html><head>\($0)<title>t</title></head><body><p>" } ?? "<html><body><p>"
        return Array(head.utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func decode_validUTF8_isUTF8() {
        let decoded = CharsetDecoder.decode(Self.page(Array("Grüße, 日本".utf8)), headerCharset: "utf-8")
        #expect(decoded.text.contains("Grüße, 日本"))
        #expect(decoded.charset == .utf8)
        #expect(decoded.source == .header)
    }

    @Test func decode_windows1252LabelledUTF8_fallsBackToWindows1252() {
        let decoded = CharsetDecoder.decode(Self.page(Self.cp1252), headerCharset: "UTF-8")
        #expect(decoded.text.contains("café — “quoted”"))
        #expect(decoded.charset == .windows1252)
    }

    @Test func decode_windows1252LabelledUTF8WithMeta_usesMeta() {
        let decoded = CharsetDecoder.decode(Self.page(Self.cp1252, meta: "<meta charset=\"windows-1252\">"), headerCharset: "utf-8")
        #expect(decoded.text.contains("café — “quoted”"))
        #expect(decoded.source == .meta)
    }

    @Test func decode_shiftJISLabelledUTF8WithMeta_usesMetaShiftJIS() {
        let meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
        let decoded = CharsetDecoder.decode(Self.page(Self.shiftJIS, meta: meta), headerCharset: "utf-8")
        #expect(decoded.text.contains("日本語ニュース"))
        #expect(decoded.charset == .shiftJIS)
        #expect(decoded.source == .meta)
    }

    @Test func decode_shiftJISLabelledUTF8WithoutMeta_isSniffed() {
        let decoded = CharsetDecoder.decode(Self.page(Self.shiftJIS), headerCharset: "utf-8")
        #expect(decoded.text.contains("日本語ニュース"))
        #expect(decoded.source == .sniffed)
    }

    @Test func decode_eucJPUnlabelled_isSniffed() {
        let decoded = CharsetDecoder.decode(Self.page(Self.eucJP), headerCharset: nil)
        #expect(decoded.text.contains("日本語のニュース"))
        #expect(decoded.charset == .eucJP)
    }

    @Test(arguments: ["iso-8859-1", "latin1", "windows-1252", "Shift_JIS", "koi8-r", "us-ascii"])
    func decode_utf8LabelledLegacy_isUTF8(_ label: String) {
        let decoded = CharsetDecoder.decode(Self.page(Array("café — “quoted” 日本語".utf8)), headerCharset: label)
        #expect(decoded.text.contains("café — “quoted” 日本語"))
        #expect(decoded.charset == .utf8)
        #expect(decoded.source == .sniffed)
    }

    @Test(arguments: [
        ("Shift_JIS", shiftJIS, "日本語ニュース"), ("x-sjis", shiftJIS, "日本語ニュース"), ("EUC-JP", eucJP, "日本語のニュース"),
        ("gb2312", gbk, "新闻报道"), ("GBK", gbk, "新闻报道"), ("koi8-r", koi8r, "Привет мир"),
        ("windows-1251", cp1251, "Привет мир"), ("cp1251", cp1251, "Привет мир"),
        ("ISO-8859-2", [0x47, 0x72, 0xFC, 0xDF, 0x65], "Grüße"), ("latin1", [0x63, 0x61, 0x66, 0xE9], "café"),
    ])
    func decode_correctLabel_decodes(_ label: String, _ body: [UInt8], _ expected: String) {
        let decoded = CharsetDecoder.decode(Self.page(body), headerCharset: label)
        #expect(decoded.text.contains(expected))
        #expect(decoded.source == .header)
    }

    @Test func decode_metaHTTPEquivKOI8R_whenNoHeader() {
        let meta = "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=koi8-r'>"
        let decoded = CharsetDecoder.decode(Self.page(Self.koi8r, meta: meta), headerCharset: nil)
        #expect(decoded.text.contains("Привет мир"))
        #expect(decoded.charset.name == "KOI8-R")
    }

    @Test func decode_byteOrderMarks_win() {
        let utf8 = CharsetDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Grüße".utf8), headerCharset: "windows-1252")
        #expect(utf8.text == "Grüße")
        #expect(utf8.source == .bom)
        let utf16: [UInt8] = [0xFF, 0xFE, 0x47, 0x00, 0xFC, 0x00]
        #expect(CharsetDecoder.decode(utf16, headerCharset: nil).text == "Gü")
    }

    @Test func decode_unknownLabelAndInvalidUTF8_fallsBackToWindows1252() {
        let decoded = CharsetDecoder.decode([0x63, 0x61, 0x66, 0xE9], headerCharset: "x-bogus")
        #expect(decoded.text == "café")
        #expect(decoded.source == .fallback)
    }

    @Test func metaCharset_skipsCommentsAndOnlyLooksAtTheFirst2KB() {
        let commented = Array("<!-- <meta charset=\"koi8-r\"> --><meta charset=utf-8>".utf8)
        #expect(CharsetDecoder.metaCharset(in: commented) == "utf-8")
        let late = [UInt8](repeating: 0x20, count: 2100) + Array("<meta charset=\"koi8-r\">".utf8)
        #expect(CharsetDecoder.metaCharset(in: late) == nil)
        #expect(CharsetDecoder.metaCharset(in: Array("<metadata charset=x>".utf8)) == nil)
        #expect(CharsetDecoder.metaCharset(in: Array("<meta charset = 'EUC-JP' />".utf8)) == "euc-jp")
    }

    @Test func charsetLabel_mapsWHATWGLabels() {
        #expect(Charset(label: "ISO-8859-1") == .windows1252)
        #expect(Charset(label: " \"utf8\" ") == .utf8)
        #expect(Charset(label: "MS_Kanji") == .shiftJIS)
        #expect(Charset(label: "cp1251")?.name == "windows-1251")
        #expect(Charset(label: "iso_8859-15")?.name == "ISO-8859-15")
        #expect(Charset(label: "x-bogus") == nil)
    }
}
