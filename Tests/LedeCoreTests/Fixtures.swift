import Foundation
import LedeTestSupport
@testable import LedeCore

/// Shared, loaded-once test fixtures: the real extractor with its bundled models, and real text.
enum Fixtures {
    static let extractor: Extractor = {
        do { return try Extractor() } catch { fatalError("bundled models must load: \(error)") }
    }()

    static let exampleArticle: String = {
        let url = RepoPaths.sharedFile("examples/moscow-iran-2025-06-23.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing \(url.path)") }
        return text
    }()

    /// Gold article bodies of the article-extraction-benchmark dev split, sorted by id.
    static let goldBodies: [(id: String, body: String)] = {
        let url = RepoPaths.sharedFile("data/articles/aeb/ground-truth.json")
        guard let data = try? Data(contentsOf: url),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
            fatalError("missing \(url.path)")
        }
        return json.keys.sorted().compactMap { id in (json[id]?["articleBody"] as? String).map { (id, $0) } }
    }()

    static func extract(_ text: String, _ options: ExtractionOptions = ExtractionOptions()) -> Document {
        do { return try extractor.extract(text: text, options: options).document } catch { fatalError("\(error)") }
    }
}

extension Document {
    /// Kept paragraph texts, in order.
    var paragraphTexts: [String] { paragraphs.map { text($0.span) } }
}
