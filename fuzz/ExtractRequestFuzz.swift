// libFuzzer target: decoding a `POST /v1/extract` JSON body (LedeService.ExtractRequest) from arbitrary bytes.
// fuzz-link: all
// Oracle: no crash; every failure is a typed APIError with a 4xx status (never a 5xx for a bad body).
import LedeService

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        _ = try ExtractRequest.decode(json: bytes)
    } catch {
        precondition((400..<500).contains(error.status), "a bad body must be a 4xx, got \(error.status)")
    }
    return 0
}
