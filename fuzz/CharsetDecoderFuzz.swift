// libFuzzer target: bytes + a Content-Type charset → text (LedeFetch.CharsetDecoder): BOMs, <meta> sniffing,
// fuzz-link: LedeFetch
// CJK sniffing and the codecs, on arbitrary bytes. The first byte picks the header charset.
// Oracle: no crash; bytes that are valid UTF-8 under a UTF-8 header decode to exactly those bytes.
import LedeFetch

private let charsets: [String?] = [nil, "utf-8", "UTF-8", "iso-8859-1", "windows-1252", "shift_jis", "euc-jp",
                                   "gb2312", "gbk", "big5", "euc-kr", "utf-16", "utf-16be", "koi8-r", "x-bogus", ""]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCharsetDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let header = charsets[Int(data[0]) % charsets.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let decoded = CharsetDecoder.decode(bytes, headerCharset: header)
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
    if header == "utf-8", !hasBOM, let valid = String(validating: bytes, as: UTF8.self) {
        precondition(decoded.text == valid && decoded.charset == .utf8, "valid UTF-8 under a UTF-8 header was altered")
    }
    return 0
}
