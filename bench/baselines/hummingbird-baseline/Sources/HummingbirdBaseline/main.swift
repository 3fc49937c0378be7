import Foundation
import Hummingbird
import LedeCore

// GET /healthz and POST /v1/extract ({"text": …}) as Lede answers them, on Hummingbird 2.
let extractor = try Extractor()
let port = Int(CommandLine.arguments.dropFirst().first ?? "8081") ?? 8081

let router = Router()
router.get("healthz") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
}
router.post("v1/extract") { request, context -> Response in
    let body = try await request.body.collect(upTo: 10 * 1024 * 1024)
    guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
          let text = object["text"] as? String else {
        return Response(status: .badRequest)
    }
    let options = ExtractionOptions()
    let bytes = ResultRenderer(try extractor.extract(text: text, options: options), options: options).bytes()
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
