import Foundation
import LedeTestSupport

/// One page of the article-extraction benchmark's dev split (`shared/data/articles/aeb`), decompressed with the
/// system's `gzip` (the pages are stored gzip-compressed; no zlib dependency for one test target).
struct DevPage {
    let id: String
    let html: String
    let url: String
    let goldBody: String

    private static let groundTruth: [String: [String: String]] = {
        let url = RepoPaths.sharedFile("data/articles/aeb/ground-truth.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: String]] else { return [:] }
        return object
    }()

    /// The page whose id starts with `prefix`, or nil when the shared data is absent.
    static func load(_ prefix: String) -> DevPage? {
        guard let (id, truth) = groundTruth.first(where: { $0.key.hasPrefix(prefix) }) else { return nil }
        let path = RepoPaths.sharedFile("data/articles/aeb/html/\(id).html.gz").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return DevPage(id: id, html: String(decoding: data, as: UTF8.self), url: truth["url"] ?? "",
                       goldBody: truth["articleBody"] ?? "")
    }

    /// Words only (the benchmark's `\w+` tokens), so quotes and spacing don't decide a match.
    static func words(_ text: String) -> String {
        text.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.joined(separator: " ")
    }

    /// The first and last sentences (up to 80 characters each) of the gold body, as words.
    var goldEdges: (first: String, last: String) {
        let paragraphs = goldBody.split(separator: "\n").map(String.init).filter { !Self.words($0).isEmpty }
        let first = Self.words(paragraphs.first ?? "")
        let last = Self.words(paragraphs.last ?? "")
        return (String(first.prefix(80)), String(last.suffix(80)))
    }
}
