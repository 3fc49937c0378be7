import Foundation

/// The bundled OpenAPI 3.1 document (`Resources/openapi.json`, generated from docs/openapi.yaml by
/// `scripts/validate-docs.py --bundle`).
enum OpenAPIDocument {
    static func bytes() -> [UInt8] {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil),
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent("openapi.json").path) else {
            return Array(#"{"openapi":"3.1.0","info":{"title":"Lede","version":"1.0.0"},"paths":{}}"#.utf8)
        }
        return Array(data)
    }
}
