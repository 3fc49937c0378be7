import CCurl

/// `curl_global_init` exactly once per process, on first use (Swift initialises `static let` thread-safely).
enum CurlGlobal {
    static let initialized: Bool = lede_curl_global_init() == CURLE_OK
}

/// Owns one libcurl easy handle (and the lists and buffers it points to) and frees them in `deinit`.
/// Not thread-safe: one transfer, on one thread. The raw handle never leaves this type.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(FetchError) {
        guard CurlGlobal.initialized, let handle = curl_easy_init() else {
            throw .failed("libcurl could not be initialised")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try check(lede_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)
    }

    deinit {
        curl_easy_cleanup(handle)
        for list in lists { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(FetchError) {
        try check(lede_curl_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(FetchError) {
        try check(lede_curl_setopt_offt(handle, option, curl_off_t(value)), option)
    }

    /// libcurl copies string options, so the Swift string may go away after the call.
    func set(_ option: CURLoption, _ value: String) throws(FetchError) {
        try check(lede_curl_setopt_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(FetchError) {
        try check(lede_curl_setopt_pointer(handle, option, value), option)
    }

    /// Sets a `curl_slist` option; the list lives until the handle is freed (libcurl does not copy it).
    func set(_ option: CURLoption, list values: [String]) throws(FetchError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values {
            guard let appended = curl_slist_append(list, value) else {
                if let list { curl_slist_free_all(list) }
                throw .failed("out of memory building a curl list")
            }
            list = appended
        }
        guard let list else { return }
        lists.append(list)
        try check(lede_curl_setopt_slist(handle, option, list), option)
    }

    func set(_ option: CURLoption, writeFunction function: curl_write_callback) throws(FetchError) {
        try check(lede_curl_setopt_write_function(handle, option, function), option)
    }

    func set(openSocketFunction function: curl_opensocket_callback) throws(FetchError) {
        try check(lede_curl_setopt_opensocket_function(handle, function), CURLOPT_OPENSOCKETFUNCTION)
    }

    func set(transferInfoFunction function: curl_xferinfo_callback) throws(FetchError) {
        try check(lede_curl_setopt_xferinfo_function(handle, function), CURLOPT_XFERINFOFUNCTION)
    }

    /// Runs the transfer, blocking the calling thread.
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    func long(_ info: CURLINFO) -> Int? {
        var value = 0
        return lede_curl_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    func string(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard lede_curl_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// libcurl's detailed message for the last failure, or its generic text for `code`.
    func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(FetchError) {
        guard code == CURLE_OK else {
            throw .failed("curl option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
