// libFuzzer target: the HTTP/1.1 request parser (LedeHTTP.HTTPParser) on arbitrary bytes.
// fuzz-link: LedeHTTP Logging
// The first input byte picks how the rest is cut into reads (1..16 bytes at a time, or all at once), so
// trickled heads, split CRLFs and chunk boundaries are explored as well as whole messages.
// Oracle: no crash/trap, errors are typed, and the limits hold for every message that parses.
@testable import LedeHTTP

private let limits = HTTPParser.Limits(maxHeaderBytes: 2_048, maxHeaderCount: 16, maxBodyBytes: 4_096)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let step = bytes[0] == 0 ? size : Int(bytes[0] % 16) + 1
    var parser = HTTPParser(limits: limits)
    var offset = 1
    var sawHead = false
    while offset < size {
        let end = min(size, offset + step)
        parser.append(bytes[offset..<end])
        offset = end
        do {
            while let event = try parser.next() {
                switch event {
                case let .head(head):
                    precondition(!sawHead, "two heads without an end")
                    precondition(head.headers.count <= limits.maxHeaderCount, "header count limit")
                    sawHead = true
                case let .end(body, _):
                    precondition(sawHead, "end without a head")
                    precondition(body.count <= limits.maxBodyBytes, "body limit")
                    sawHead = false
                }
            }
        } catch {
            return 0  // any parse error is final for the connection
        }
        precondition(parser.bodyByteCount <= limits.maxBodyBytes, "buffered body beyond the limit")
    }
    return 0
}
