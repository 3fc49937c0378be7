import Foundation
import LedeHTTP

extension ServiceRouter {
    /// `GET /`: the viewer page. `no-cache` with an ETag: browsers revalidate each time (a 304 without the body),
    /// so a new build's page is never served stale from a cache.
    func viewerPage(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        guard let viewer else { throw APIError(.notFound, ViewerPage.LoadError.missing.description) }
        var headers: HTTPHeaders = [
            "Cache-Control": "no-cache",
            "ETag": viewer.etag,
            "Content-Security-Policy": viewer.contentSecurityPolicy,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        ]
        if let match = request.headers["If-None-Match"],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == viewer.etag }) {
            return HTTPResponse(status: 304, headers: headers)
        }
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        return HTTPResponse(status: 200, headers: headers, body: viewer.bytes)
    }
}
