extension HTTPServer {
    /// The default ``Configuration/errorResponder``: the Lede error shape
    /// `{"error":{"code":"snake_case","message":"…","request_id":"…"}}` as `application/json`, with
    /// `X-Request-ID` (echoed, or generated when the request had none) and `Retry-After: 1` on 503.
    public static let defaultErrorResponder: @Sendable (HTTPServerError, String?) -> HTTPResponse = { error, id in
        let requestID = id ?? generateRequestID()
        let json = #"{"error":{"code":""# + jsonEscaped(error.code) + #"","message":""#
            + jsonEscaped(error.message) + #"","request_id":""# + jsonEscaped(requestID) + #""}}"#
        var headers: HTTPHeaders = ["X-Request-ID": requestID]
        if error == .overloaded { headers.add(name: "Retry-After", value: "1") }
        return HTTPResponse(status: error.status, headers: headers, json: json)
    }

    /// A random 16-hex-digit request id.
    public static func generateRequestID() -> String {
        let hex = String(UInt64.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Escapes `"`, `\` and control characters for a JSON string literal (the echoed id is client input).
    static func jsonEscaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
