// Benchmark runner for LedeHTML, compiled together with Sources/LedeHTML by run.py (no Package.swift target):
//   lede-html-bench HTML_DIR URLS_TSV OUT_JSON [ROUNDS]
// Reads every <id>.html in HTML_DIR (page URLs from URLS_TSV: "id<TAB>url" lines), extracts each page ROUNDS
// times on one thread, writes {id: {"articleBody": text}} to OUT_JSON and prints "pages=N ms_per_page=X".
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
// Metadata mode: `lede-html-bench --meta FILE.html URL` prints the metadata of one page.
if arguments.count == 4, arguments[1] == "--meta" {
    let data = (try? Data(contentsOf: URL(fileURLWithPath: arguments[2]))) ?? Data()
    var article = ArticleExtractor.extract(html: String(decoding: data, as: UTF8.self), url: arguments[3])
    article.text = String(article.text.prefix(120))
    print(article)
    exit(0)
}
// Debug mode: `lede-html-bench --debug FILE.html` lists the container candidates of one page.
if arguments.count == 3, arguments[1] == "--debug" {
    let data = (try? Data(contentsOf: URL(fileURLWithPath: arguments[2]))) ?? Data()
    guard let document = HTMLDocument(html: String(decoding: data, as: UTF8.self), url: nil) else { exit(1) }
    var tree = document.makeTree()
    tree.computeLengths()
    var matcher = ContentLocator.Matcher()
    let before = tree
    ArticleExtractor.removeBoilerplate(from: &tree, matcher: &matcher)
    for index in tree.nodes.indices where tree.removed[index] && before.nodes[index].length > 150 {
        let attributes = tree.attributes(of: index)
        print("removed", index, tree.nodes[index].tag, attributes?.className ?? "", "#", attributes?.id ?? "",
              "length", before.nodes[index].length)
    }
    for group in ContentLocator.candidates(in: tree, matcher: &matcher) {
        for candidate in group {
            let attributes = tree.attributes(of: candidate)
            print("candidate", candidate, tree.nodes[candidate].tag, attributes?.className ?? "", "#", attributes?.id ?? "",
                  "length", tree.nodes[candidate].length)
        }
        print("--")
    }
    let fallback = ContentLocator.bestScoring(in: tree, within: tree.body)
    print("fallback", fallback, tree.nodes[fallback].tag, tree.attributes(of: fallback)?.className ?? "", "length", tree.nodes[fallback].length)
    print("body length", tree.nodes[tree.body].length)
    exit(0)
}
guard arguments.count >= 4 else {
    print("usage: lede-html-bench HTML_DIR URLS_TSV OUT_JSON [ROUNDS]")
    exit(64)
}
let directory = URL(fileURLWithPath: arguments[1])
let rounds = arguments.count > 4 ? max(1, Int(arguments[4]) ?? 1) : 1
let fromBytes = arguments.count > 5 && arguments[5] == "bytes"  // the bytes API with charset detection
var urls: [String: String] = [:]
if let tsv = try? String(contentsOf: URL(fileURLWithPath: arguments[2]), encoding: .utf8) {
    for line in tsv.split(separator: "\n") {
        let fields = line.split(separator: "\t", maxSplits: 1)
        if fields.count == 2 { urls[String(fields[0])] = String(fields[1]) }
    }
}
let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    .filter { $0.hasSuffix(".html") }.sorted()
var pages: [(id: String, html: String, bytes: [UInt8])] = []
for name in names {
    let data = (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
    pages.append((String(name.dropLast(5)), String(decoding: data, as: UTF8.self), fromBytes ? Array(data) : []))
}

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// CPU time of this thread in milliseconds: the machines are shared, so wall time would count other jobs.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
}

var results: [String: String] = [:]
let started = threadCPUMilliseconds()
for _ in 0..<rounds {
    for page in pages {
        results[page.id] = fromBytes
            ? ArticleExtractor.extract(bytes: page.bytes, charset: nil, url: urls[page.id]).text
            : ArticleExtractor.extract(html: page.html, url: urls[page.id]).text
    }
}
let milliseconds = threadCPUMilliseconds() - started
var json = "{\n"
json += pages.map { "  " + jsonString($0.id) + ": {\"articleBody\": " + jsonString(results[$0.id] ?? "") + "}" }
    .joined(separator: ",\n")
json += "\n}\n"
try? Data(json.utf8).write(to: URL(fileURLWithPath: arguments[3]))
print("pages=\(pages.count) ms_per_page=\(milliseconds / Double(max(1, pages.count * rounds)))")
